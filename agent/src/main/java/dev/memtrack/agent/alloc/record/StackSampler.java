package dev.memtrack.agent.alloc.record;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Captures the stack of a sampled allocation: up to {@code depth} frames named {@code class.method}
 * (no line numbers, so a flame graph merges the calls of one method), the tracker's own frames up
 * to and including the bootstrap hook left out.
 *
 * <p>Frame names are built once and shared (up to {@link #MAX_NAMES}), so a sample allocates little
 * beyond what {@link StackWalker} itself needs (about 3 KB for 16 frames).
 */
final class StackSampler {

    static final int MAX_NAMES = 100_000;
    private static final String HOOKS = "dev.memtrack.agent.bootstrap.AllocationHooks";

    private final StackWalker walker = StackWalker.getInstance();
    private final int depth;
    private final Map<String, Map<String, String>> names = new ConcurrentHashMap<>();
    private final AtomicInteger nameCount = new AtomicInteger();

    StackSampler(int depth) {
        this.depth = depth;
    }

    StackKey capture(String allocatedType) {
        return walker.walk(frames -> capture(frames, allocatedType));
    }

    private StackKey capture(Stream<StackFrame> frames, String allocatedType) {
        String[] kept = new String[depth];
        int n = 0;
        boolean pastHook = false;
        for (Iterator<StackFrame> it = frames.iterator(); it.hasNext() && n < depth; ) {
            StackFrame f = it.next();
            if (f.getClassName().equals(HOOKS)) {
                pastHook = true;
            } else if (pastHook) {
                kept[n++] = name(f.getClassName(), f.getMethodName());
            }
        }
        return new StackKey(n == depth ? kept : Arrays.copyOf(kept, n), allocatedType);
    }

    private String name(String className, String methodName) {
        Map<String, String> methods = names.get(className);
        String name = methods == null ? null : methods.get(methodName);
        if (name != null) {
            return name;
        }
        name = className + '.' + methodName;
        if (nameCount.get() < MAX_NAMES) {
            if (methods == null) {
                methods = names.computeIfAbsent(className, c -> new ConcurrentHashMap<>());
            }
            if (methods.putIfAbsent(methodName, name) == null) {
                nameCount.incrementAndGet();
            }
        }
        return name;
    }
}
