package dev.memtrack.agent.policy.act;

/** An actuator could not apply or undo a change; the message says why in words a person can act on. */
public final class ActuatorException extends Exception {

    private static final long serialVersionUID = 1L;

    public ActuatorException(String message) {
        super(message);
    }

    public ActuatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
