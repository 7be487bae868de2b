package dev.memtrack.agent.cli;

/** A failure the CLI reports as one line and an exit status, never as a stack trace. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    CliException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }
}
