package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.site.SiteRegistry;
import java.util.List;

/**
 * Runs every path of both recorders once, samples and snapshots included, on a scratch recording
 * before any class is instrumented: every class they use is then loaded and linked, so none has
 * to be loaded from inside a hook while the application loads its own classes (a source of
 * ClassCircularityError and deadlocks).
 */
public final class Warmup {

    /** Sampled after the first allocation. */
    private static final long FORCE_SAMPLE = -1;

    private Warmup() {
    }

    /** @param scratch parts over a throw-away recording */
    public static void exercise(Recorder.Parts scratch, SnapshotBuilder snapshots) {
        SiteRegistry registry = scratch.registry();
        int location = registry.location(0, Warmup.class.getName(), "exercise", null, -1);
        int objectSite = registry.site(location, "java.lang.Object", -1);
        int layout = scratch.sizes().arrayLayout(int[].class);
        int arraySite = registry.site(location, "int[]", layout);
        int multiSite = registry.siteBlock(location, new String[] {"int[][]", "int[]"},
                new int[] {scratch.sizes().arrayLayout(int[][].class), layout});
        for (Recorder r : List.of(new ExactRecorder(scratch), new SampledRecorder(scratch))) {
            for (int round = 0; round < 2; round++) {
                scratch.recording().state().remaining = FORCE_SAMPLE;
                r.newObject(Object.class, objectSite);
                scratch.recording().state().remaining = FORCE_SAMPLE;
                r.newArray(3, arraySite, layout);
                r.newMultiArray(new int[2][2], 2, multiSite);
                r.newReflectiveArray(new Object[1][1], 2, location);
                r.newInstance(new StringBuilder(), location);
                r.cloneArray(new int[1], location);
                r.cloneVirtual(new int[1], new int[1], location);
                r.cloneSuper(new Object(), null, location);
                r.cloneSuper(new Object(), Object.class, location);
                r.makeRoom(scratch.recording().state(), objectSite, 16);
                scratch.recording().drain(scratch.recording().state());
            }
        }
        scratch.recording().retireEndedThreads();
        snapshots.build(scratch.recording());
    }
}
