package dev.memtrack.simulator.segmentation;

import dev.memtrack.simulator.EnumNames;

/** The placement strategies of the segmentation simulator. */
public enum PlacementStrategy {
    /** {@link FirstFitPlacement}. */
    FIRST_FIT,
    /** {@link BestFitPlacement}. */
    BEST_FIT,
    /** {@link WorstFitPlacement}. */
    WORST_FIT,
    /** {@link NextFitPlacement}. */
    NEXT_FIT;

    /** Whether the strategy asks for holes by size (best, worst fit) rather than by address. */
    public boolean ordersHolesBySize() {
        return this == BEST_FIT || this == WORST_FIT;
    }

    /** A fresh placement (NEXT_FIT's rover at 0). */
    public Placement newPlacement() {
        return switch (this) {
            case FIRST_FIT -> new FirstFitPlacement();
            case BEST_FIT -> new BestFitPlacement();
            case WORST_FIT -> new WorstFitPlacement();
            case NEXT_FIT -> new NextFitPlacement();
        };
    }

    /**
     * Looks a strategy up by name, ignoring case ({@code best_fit} and {@code BEST_FIT} alike).
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static PlacementStrategy parse(String name) {
        return EnumNames.parse(PlacementStrategy.class, "strategy", name);
    }

    /** The accepted names, comma separated. */
    public static String names() {
        return EnumNames.list(PlacementStrategy.class);
    }
}
