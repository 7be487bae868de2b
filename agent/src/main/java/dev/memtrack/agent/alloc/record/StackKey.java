package dev.memtrack.agent.alloc.record;

import java.util.Arrays;

/**
 * A sampled stack as the stack table keys it: frame names (shared strings, leaf first) and the
 * allocated type. The folded text is only built when exported.
 */
final class StackKey {

    private final String[] frames;
    private final String type;
    private final int hash;

    StackKey(String[] frames, String type) {
        this.frames = frames;
        this.type = type;
        this.hash = 31 * Arrays.hashCode(frames) + type.hashCode();
    }

    /** Root first, {@code ;}-separated, the allocated type last: the flame-graph format. */
    String folded() {
        StringBuilder b = new StringBuilder(frames.length * 48 + type.length());
        for (int i = frames.length - 1; i >= 0; i--) {
            b.append(frames[i]).append(';');
        }
        return b.append(type).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackKey k && k.hash == hash && k.type.equals(type) && Arrays.equals(k.frames, frames);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return folded();
    }
}
