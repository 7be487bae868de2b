package dev.memtrack.agent.policy.testing;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.StressStatus;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.StandardMBean;

/**
 * A small real stress generator for actuator tests (the simulator's own arrives on another branch):
 * a thread allocates and retains 1 MiB arrays at the requested rate up to the target; stop releases
 * them. Only the STEADY pattern; targets above the cap are refused.
 */
public final class TestStressGenerator implements StressSimulatorMXBean, AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final long capBytes;
    private final List<byte[]> retained = new ArrayList<>();
    private long allocated;
    private Thread filler;
    private String pattern = "";
    private long targetBytes;
    private long rateBytes;
    private MBeanServer server;

    public TestStressGenerator(long capBytes) {
        this.capBytes = capBytes;
    }

    public static TestStressGenerator register(MBeanServer server, long capBytes) throws Exception {
        TestStressGenerator g = new TestStressGenerator(capBytes);
        g.server = server;
        server.registerMBean(new StandardMBean(g, StressSimulatorMXBean.class, true),
                MemtrackDomain.objectName(OBJECT_NAME));
        return g;
    }

    @Override
    public String[] getPatterns() {
        return new String[] {"STEADY"};
    }

    @Override
    public synchronized void start(int targetMb, int rateMb, String pattern) {
        if (targetMb <= 0 || targetMb * MIB > capBytes || rateMb <= 0 || !"STEADY".equals(pattern)) {
            throw new IllegalArgumentException("refused: target " + targetMb + " MiB (cap " + capBytes / MIB
                    + "), rate " + rateMb + ", pattern " + pattern);
        }
        stop();
        this.pattern = pattern;
        this.targetBytes = targetMb * MIB;
        this.rateBytes = rateMb * MIB;
        filler = new Thread(this::fill, "test-stress");
        filler.setDaemon(true);
        filler.start();
    }

    private void fill() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (this) {
                    if (getRetainedBytes() < targetBytes) {
                        byte[] chunk = new byte[(int) MIB];
                        chunk[chunk.length - 1] = 1;
                        retained.add(chunk);
                        allocated += MIB;
                    }
                }
                Thread.sleep(Math.max(1, 1000 * MIB / rateBytes));
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = filler;
            filler = null;
            retained.clear();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return filler != null;
    }

    @Override
    public synchronized StressStatus getStatus() {
        return new StressStatus(isRunning(), pattern, isRunning() ? "FILLING" : "IDLE", targetBytes, rateBytes,
                getRetainedBytes(), allocated, capBytes);
    }

    @Override
    public synchronized long getRetainedBytes() {
        return retained.size() * MIB;
    }

    @Override
    public synchronized long getAllocatedBytes() {
        return allocated;
    }

    @Override
    public long getCapBytes() {
        return capBytes;
    }

    @Override
    public void close() throws javax.management.JMException {
        stop();
        if (server != null && server.isRegistered(MemtrackDomain.objectName(OBJECT_NAME))) {
            server.unregisterMBean(MemtrackDomain.objectName(OBJECT_NAME));
        }
    }
}
