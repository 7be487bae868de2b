package dev.memtrack.simulator.cli;

/** Bad command-line input: the CLI prints the message on one line and exits with code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
