package dev.memtrack.benchmarks;

import dev.memtrack.simulator.paging.ReferenceString;
import java.util.SplittableRandom;

/**
 * Reference strings with locality, as programs make them: most references fall in a small working
 * set that drifts slowly through the address space, the rest anywhere.
 */
final class LocalityReferences {

    private LocalityReferences() {
    }

    /**
     * @param length     references
     * @param pages      address space in pages
     * @param workingSet pages in the working set
     * @param local      share of references inside the working set, 0..1
     * @param seed       random seed: the same arguments give the same string
     */
    static ReferenceString generate(int length, int pages, int workingSet, double local, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] refs = new int[length];
        int base = 0;
        for (int i = 0; i < length; i++) {
            if (i % 1000 == 999) {
                base = (base + 1 + random.nextInt(8)) % pages;  // the working set drifts
            }
            refs[i] = random.nextDouble() < local
                    ? (base + random.nextInt(workingSet)) % pages
                    : random.nextInt(pages);
        }
        return ReferenceString.of(refs);
    }
}
