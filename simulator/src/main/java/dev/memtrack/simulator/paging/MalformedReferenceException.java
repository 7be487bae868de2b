package dev.memtrack.simulator.paging;

/**
 * A reference string that does not follow the syntax; the message names the bad reference, its
 * 1-based position in the string and what is accepted.
 */
public final class MalformedReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    MalformedReferenceException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 1-based position of the bad reference, 0 when the whole string is at fault. */
    public int position() {
        return position;
    }
}
