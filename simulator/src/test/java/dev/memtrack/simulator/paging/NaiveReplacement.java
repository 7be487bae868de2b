package dev.memtrack.simulator.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Textbook list-based page replacement, written for clarity and not speed: the reference the
 * simulator's data structures are checked against. Single process, GLOBAL.
 * Returns, per reference, the evicted page (-1 none) or -2 for a hit.
 */
final class NaiveReplacement {

    static final int HIT = -2;

    private NaiveReplacement() {
    }

    static int[] run(ReplacementAlgorithm algorithm, int frames, int[] refs, long seed) {
        int[] outcome = new int[refs.length];
        List<Integer> pages = new ArrayList<>();       // frame i holds pages.get(i)
        List<Integer> loadedAt = new ArrayList<>();
        List<Integer> lastUse = new ArrayList<>();
        List<Integer> count = new ArrayList<>();
        List<Boolean> bit = new ArrayList<>();
        int hand = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < refs.length; t++) {
            int page = refs[t];
            int at = pages.indexOf(page);
            if (at >= 0) {
                outcome[t] = HIT;
                lastUse.set(at, t);
                count.set(at, count.get(at) + 1);
                bit.set(at, true);
                continue;
            }
            int frame;
            if (pages.size() < frames) {
                frame = pages.size();
                pages.add(page);
                loadedAt.add(t);
                lastUse.add(t);
                count.add(1);
                bit.add(true);
                outcome[t] = -1;
                continue;
            }
            switch (algorithm) {
                case FIFO -> frame = argMin(loadedAt);
                case LRU -> frame = argMin(lastUse);
                case LFU -> {
                    frame = 0;
                    for (int i = 1; i < frames; i++) {
                        if (count.get(i) < count.get(frame)
                                || count.get(i).equals(count.get(frame)) && lastUse.get(i) < lastUse.get(frame)) {
                            frame = i;
                        }
                    }
                }
                case OPT -> {
                    frame = 0;
                    long best = -1;
                    for (int i = 0; i < frames; i++) {
                        long next = nextUse(refs, t, pages.get(i));
                        // Never again ranks beyond the end; earliest last use first among those.
                        long rank = next >= 0 ? next : 2L * refs.length - lastUse.get(i);
                        if (rank > best) {
                            best = rank;
                            frame = i;
                        }
                    }
                }
                case CLOCK -> {
                    while (bit.get(hand)) {
                        bit.set(hand, false);
                        hand = (hand + 1) % frames;
                    }
                    frame = hand;
                    hand = (hand + 1) % frames;
                }
                case RANDOM -> frame = random.nextInt(frames);
                default -> throw new AssertionError(algorithm);
            }
            outcome[t] = pages.get(frame);
            pages.set(frame, page);
            loadedAt.set(frame, t);
            lastUse.set(frame, t);
            count.set(frame, 1);
            bit.set(frame, true);
        }
        return outcome;
    }

    static long faults(int[] outcome) {
        long faults = 0;
        for (int o : outcome) {
            if (o != HIT) {
                faults++;
            }
        }
        return faults;
    }

    private static long nextUse(int[] refs, int after, int page) {
        for (int s = after + 1; s < refs.length; s++) {
            if (refs[s] == page) {
                return s;
            }
        }
        return -1;
    }

    private static int argMin(List<Integer> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
