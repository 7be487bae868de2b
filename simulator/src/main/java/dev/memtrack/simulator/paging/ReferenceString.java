package dev.memtrack.simulator.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable sequence of page references, each made by one process. Processes are numbered in
 * the order they first appear; a reference written without a process belongs to
 * {@link #DEFAULT_PROCESS}.
 *
 * <p>Text form ({@link #parse}, {@link #toString}): page numbers separated by commas and/or spaces,
 * a page optionally prefixed by its process, {@code "7,0,1,2"} or {@code "A:1 B:1 A:2"}.
 */
public final class ReferenceString {

    /** Process of references written without one. */
    public static final String DEFAULT_PROCESS = "P";

    private final List<String> processNames;
    private final int[] processes;
    private final int[] pages;

    private ReferenceString(List<String> processNames, int[] processes, int[] pages) {
        this.processNames = List.copyOf(processNames);
        this.processes = processes;
        this.pages = pages;
    }

    /**
     * Parses the text form.
     *
     * @throws MalformedReferenceException naming the first bad reference and its position
     */
    public static ReferenceString parse(String text) {
        return ReferenceStringParser.parse(text);
    }

    /** References of {@link #DEFAULT_PROCESS} to the given pages, each {@code >= 0}. */
    public static ReferenceString of(int... pages) {
        Builder builder = new Builder();
        for (int page : pages) {
            builder.add(DEFAULT_PROCESS, page);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of references. */
    public int length() {
        return pages.length;
    }

    /** Process index (into {@link #processNames()}) of the reference at {@code position}. */
    public int processAt(int position) {
        return processes[position];
    }

    public int pageAt(int position) {
        return pages[position];
    }

    /** Processes in order of first appearance. */
    public List<String> processNames() {
        return processNames;
    }

    /** Distinct pages each process references, by process index: its size for proportional allocation. */
    public long[] distinctPagesPerProcess() {
        long[] counts = new long[processNames.size()];
        PageKeyMap seen = new PageKeyMap(1024);
        for (int i = 0; i < pages.length; i++) {
            long key = PageKeyMap.key(processes[i], pages[i]);
            if (seen.get(key) == PageKeyMap.MISSING) {
                seen.put(key, i);
                counts[processes[i]]++;
            }
        }
        return counts;
    }

    /**
     * For each position, the position of the next reference to the same page of the same process,
     * or -1 if there is none. O(length) time; what OPT needs to know the future.
     */
    public int[] nextUses() {
        int[] next = new int[pages.length];
        PageKeyMap following = new PageKeyMap(1024);
        for (int i = pages.length - 1; i >= 0; i--) {
            long key = PageKeyMap.key(processes[i], pages[i]);
            next[i] = following.get(key);
            following.put(key, i);
        }
        return next;
    }

    /** The text form; processes are written only when the string is not all {@link #DEFAULT_PROCESS}. */
    @Override
    public String toString() {
        boolean plain = processNames.equals(List.of(DEFAULT_PROCESS));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (!plain) {
                text.append(processNames.get(processes[i])).append(':');
            }
            text.append(pages[i]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceString other && processNames.equals(other.processNames)
                && Arrays.equals(processes, other.processes) && Arrays.equals(pages, other.pages);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * processNames.hashCode() + Arrays.hashCode(processes)) + Arrays.hashCode(pages);
    }

    /** Collects references one by one. Not thread-safe. */
    public static final class Builder {

        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> indexOf = new HashMap<>();
        private int[] processes = new int[16];
        private int[] pages = new int[16];
        private int length;

        private Builder() {
        }

        /**
         * Appends a reference.
         *
         * @param process a {@linkplain #isValidProcessName valid process name}
         * @param page    page number, {@code >= 0}
         */
        public Builder add(String process, int page) {
            if (!isValidProcessName(process)) {
                throw new IllegalArgumentException("process name '" + process
                        + "' is not accepted: use letters, digits, '_', '-' or '.'");
            }
            if (page < 0) {
                throw new IllegalArgumentException("page " + page + " is not accepted: pages are >= 0");
            }
            Integer index = indexOf.get(process);
            if (index == null) {
                index = names.size();
                names.add(process);
                indexOf.put(process, index);
            }
            if (length == pages.length) {
                processes = Arrays.copyOf(processes, length * 2);
                pages = Arrays.copyOf(pages, length * 2);
            }
            processes[length] = index;
            pages[length] = page;
            length++;
            return this;
        }

        public ReferenceString build() {
            return new ReferenceString(names, Arrays.copyOf(processes, length), Arrays.copyOf(pages, length));
        }
    }

    /** Process names are non-empty runs of letters, digits, {@code _}, {@code -} and {@code .}. */
    public static boolean isValidProcessName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
