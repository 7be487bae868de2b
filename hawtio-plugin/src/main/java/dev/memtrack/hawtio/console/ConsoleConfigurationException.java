package dev.memtrack.hawtio.console;

/** A console option that cannot be honoured; the message says which value is wrong and what is accepted. */
public final class ConsoleConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public ConsoleConfigurationException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    /** What the user should do instead. */
    public String action() {
        return action;
    }
}
