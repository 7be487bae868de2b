package dev.memtrack.agent.testing.apps;

/**
 * A test application: {@code idle} sleeps, {@code allocate} allocates short-lived arrays at a modest
 * rate (about 64 MB/s) so that GCs happen. Runs until killed. Prints one line on stdout when started.
 */
public final class WorkloadApp {

    private WorkloadApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        StdinWatchdog.start();
        String mode = args.length > 0 ? args[0] : "idle";
        System.out.println("workload-app started pid=" + ProcessHandle.current().pid() + " mode=" + mode);
        if (mode.equals("allocate")) {
            byte[][] ring = new byte[32][];
            long n = 0;
            while (true) {
                ring[(int) (n++ % ring.length)] = new byte[64 * 1024];
                if (n % 16 == 0) {
                    Thread.sleep(16);
                }
            }
        }
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
