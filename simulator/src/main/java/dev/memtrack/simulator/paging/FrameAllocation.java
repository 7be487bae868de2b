package dev.memtrack.simulator.paging;

/** How {@link ReplacementScope#LOCAL LOCAL} replacement divides the frames into per-process quotas. */
public enum FrameAllocation {
    /**
     * {@code frames / n} each; the first {@code frames % n} processes (in order of first appearance)
     * get one more.
     */
    EQUAL,
    /**
     * In proportion to each process's size (distinct pages it references): each gets the floor of
     * {@code frames * size / totalSize}, the frames left over go one each to the largest fractional
     * remainders (ties to the earlier process); a process that would get none takes one from the
     * process holding the most (ties to the earlier process).
     */
    PROPORTIONAL;

    /**
     * Frame quotas, one per process, summing to {@code frames}, each at least 1.
     *
     * @param frames total frames, at least {@code sizes.length}
     * @param sizes  process sizes in pages (used by PROPORTIONAL; a size below 1 counts as 1)
     * @throws IllegalArgumentException if there are fewer frames than processes
     */
    public int[] quotas(int frames, long[] sizes) {
        int n = sizes.length;
        if (n == 0 || frames < n) {
            throw new IllegalArgumentException("LOCAL replacement needs at least one frame per process: "
                    + frames + " frames for " + n + " processes");
        }
        int[] quotas = new int[n];
        if (this == EQUAL) {
            for (int i = 0; i < n; i++) {
                quotas[i] = frames / n + (i < frames % n ? 1 : 0);
            }
            return quotas;
        }
        double total = 0;
        for (long size : sizes) {
            total += Math.max(1, size);
        }
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = frames * (Math.max(1, sizes[i]) / total);
            quotas[i] = (int) Math.floor(exact);
            remainders[i] = exact - quotas[i];
            given += quotas[i];
        }
        for (; given < frames; given++) {
            quotas[indexOfMax(remainders)]++;
        }
        for (int i = 0; i < n; i++) {
            if (quotas[i] == 0) {
                quotas[indexOfMax(quotas)]--;
                quotas[i] = 1;
            }
        }
        return quotas;
    }

    private static int indexOfMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        values[best] = -1;  // taken: the next leftover frame goes to the next remainder
        return best;
    }

    private static int indexOfMax(int[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
