package dev.memtrack.agent.alloc.record;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Captures the stack of a sampled allocation in folded form, root first, the allocated type as the
 * leaf frame: {@code Thread.run;com.acme.Worker.process;int[]}. Frames are {@code class.method}
 * (no line numbers, so a flame graph merges the calls of one method). The tracker's own frames, up
 * to and including the bootstrap hook, are left out.
 */
final class StackSampler {

    private static final String HOOKS = "dev.memtrack.agent.bootstrap.AllocationHooks";

    private final StackWalker walker = StackWalker.getInstance();
    private final int depth;

    StackSampler(int depth) {
        this.depth = depth;
    }

    String fold(String allocatedType) {
        return walker.walk(frames -> fold(frames, allocatedType));
    }

    private String fold(Stream<StackFrame> frames, String allocatedType) {
        String[] kept = new String[depth];
        int n = 0;
        boolean pastHook = false;
        for (Iterator<StackFrame> it = frames.iterator(); it.hasNext() && n < depth; ) {
            StackFrame f = it.next();
            if (f.getClassName().equals(HOOKS)) {
                pastHook = true;
            } else if (pastHook) {
                kept[n++] = f.getClassName() + '.' + f.getMethodName();
            }
        }
        StringBuilder b = new StringBuilder(n * 48 + allocatedType.length());
        for (int i = n - 1; i >= 0; i--) {
            b.append(kept[i]).append(';');
        }
        return b.append(allocatedType).toString();
    }
}
