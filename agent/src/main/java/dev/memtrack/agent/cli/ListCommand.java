package dev.memtrack.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code list}: the JVMs of this user on this machine, with memtrack's version and Jolokia URL. Each
 * JVM gets a few seconds to answer, so one hung JVM does not hang the list.
 */
final class ListCommand {

    private static final long ANSWER_TIMEOUT_SECONDS = 5;
    private static final String FORMAT = "%-8s %-16s %-40s %s%n";

    private ListCommand() {
    }

    static int run(PrintStream out) {
        long self = ProcessHandle.current().pid();
        out.printf(FORMAT, "PID", "MEMTRACK", "JOLOKIA", "MAIN");
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "memtrack-list");
            t.setDaemon(true);
            return t;
        });
        try {
            for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
                if (jvm.id().equals(Long.toString(self))) {
                    continue;
                }
                Future<String[]> answer = pool.submit(() -> memtrackColumns(jvm.id()));
                String[] columns = answer(answer);
                out.printf(FORMAT, jvm.id(), columns[0], columns[1], jvm.displayName().isBlank() ? "?" : jvm.displayName());
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static String[] memtrackColumns(String id) {
        try (TargetJvm target = TargetJvm.attach(Long.parseLong(id))) {
            AgentPresence p = AgentPresence.of(target.systemProperties());
            return p.loaded()
                    ? new String[] {p.version().orElse("?"), p.jolokiaUrl().orElse(p.state().orElse("-"))}
                    : new String[] {"-", "-"};
        } catch (CliException e) {
            return new String[] {"?", "cannot attach"};
        }
    }

    private static String[] answer(Future<String[]> answer) {
        try {
            return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new String[] {"?", "no answer in " + ANSWER_TIMEOUT_SECONDS + " s"};
        } catch (ExecutionException e) {
            return new String[] {"?", "cannot attach"};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"?", "interrupted"};
        }
    }
}
