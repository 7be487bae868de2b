package dev.memtrack.agent.policy.act;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sets nice values with the system's {@code renice} (util-linux), in its absolute form
 * {@code renice <nice> -p <id>...}: every thread id of a process is named, because on Linux a nice
 * value belongs to one thread.
 */
final class ReniceCommand {

    private static final long TIMEOUT_SECONDS = 10;

    private final List<String> command;

    /** @param command the program and any leading arguments, e.g. {@code [renice]} */
    ReniceCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * Runs renice. A non-zero exit is not an error by itself (a thread may have ended meanwhile);
     * callers read the value back.
     *
     * @return what renice wrote on stderr, trimmed
     * @throws ActuatorException if it cannot be started or does not finish in time
     */
    String run(int nice, List<Long> ids) throws ActuatorException {
        List<String> args = new ArrayList<>(command);
        args.add(Integer.toString(nice));
        args.add("-p");
        ids.forEach(id -> args.add(Long.toString(id)));
        Process p;
        try {
            p = new ProcessBuilder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ActuatorException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ActuatorException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ActuatorException("interrupted while running " + command.get(0), e);
        } catch (IOException e) {
            return "";
        }
    }
}
