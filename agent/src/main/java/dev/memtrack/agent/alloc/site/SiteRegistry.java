package dev.memtrack.agent.alloc.site;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Dense ids for code locations and allocation sites, handed out while classes are instrumented
 * and baked into their bytecode. One registry serves the whole JVM (per loader of the tracker), so
 * ids stay valid when tracking is stopped and started again while old code still runs.
 *
 * <p>It grows with the instrumented code (one entry per allocating instruction and type), not with
 * the workload; the tables that grow with the workload are bounded elsewhere. Its lookups are
 * {@link IdIndex}es over the stored records, so a site costs its records and a few ids.
 *
 * <p>Writers synchronize on the registry. The allocation fast path reads {@link #instanceSize}
 * without locking: a racy read sees 0 or the final value, and 0 sends it to the locked slow path.
 */
public final class SiteRegistry {

    private static final SiteRegistry SHARED = new SiteRegistry();

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int MAX_CHUNKS = 1 << 12;
    /** Ids above this are never handed out (16 Mi sites, far beyond any real program). */
    public static final int MAX_IDS = CHUNK_SIZE * MAX_CHUNKS;

    /**
     * Instance size per object site (0 = not known yet), read without locks on every allocation.
     * Replaced by a larger copy when it fills; a reader holding the old array still reads correct
     * sizes (sizes never change) and sends ids past its end to the slow path.
     */
    private int[] instanceSizes = new int[1024];
    private final Site[][] sites = new Site[MAX_CHUNKS][];
    private final CodeLocation[][] locations = new CodeLocation[MAX_CHUNKS][];
    private final IdIndex<Site> siteIds = new IdIndex<>(this::storedSite);
    private final Map<java.util.List<Site>, Integer> blockIds = new HashMap<>();
    private final IdIndex<CodeLocation> locationIds = new IdIndex<>(this::storedLocation);
    private final Map<String, String> names = new HashMap<>();
    private final Map<ClassLoader, Integer> loaderIds = new WeakHashMap<>();
    private int siteCount;
    private int locationCount;

    SiteRegistry() {
    }

    public static SiteRegistry shared() {
        return SHARED;
    }

    /** A small number for a class loader, 0 for the bootstrap loader. */
    public synchronized int loaderId(ClassLoader loader) {
        if (loader == null) {
            return 0;
        }
        return loaderIds.computeIfAbsent(loader, l -> loaderIds.size() + 1);
    }

    public synchronized int location(int loaderId, String className, String methodName, String fileName, int line) {
        CodeLocation loc = new CodeLocation(loaderId, name(className), name(methodName),
                fileName == null ? null : name(fileName), line);
        int id = locationIds.find(loc);
        if (id >= 0) {
            return id;
        }
        int next = checkCapacity(locationCount, "locations");
        chunk(locations, next, CodeLocation[]::new)[next & (CHUNK_SIZE - 1)] = loc;
        locationIds.add(loc, next);
        locationCount = next + 1;
        return next;
    }

    /** The site of {@code type} allocated at {@code location}; {@code arrayLayout} -1 if not an array or unknown. */
    public synchronized int site(int location, String type, int arrayLayout) {
        Site site = new Site(location, name(type), arrayLayout);
        int id = siteIds.find(site);
        if (id >= 0) {
            return id;
        }
        int next = checkCapacity(siteCount, "sites");
        chunk(sites, next, Site[]::new)[next & (CHUNK_SIZE - 1)] = site;
        siteIds.add(site, next);
        siteCount = next + 1;
        return next;
    }

    /**
     * A block of consecutive site ids, one per type (the levels of a multi-dimensional array),
     * the same block for the same location and types.
     */
    public synchronized int siteBlock(int location, String[] types, int[] arrayLayouts) {
        java.util.List<Site> block = new java.util.ArrayList<>(types.length);
        for (int i = 0; i < types.length; i++) {
            block.add(new Site(location, name(types[i]), arrayLayouts[i]));
        }
        Integer first = blockIds.get(block);
        if (first != null) {
            return first;
        }
        int start = checkCapacity(siteCount + types.length - 1, "sites") - (types.length - 1);
        for (int i = 0; i < block.size(); i++) {
            int id = start + i;
            chunk(sites, id, Site[]::new)[id & (CHUNK_SIZE - 1)] = block.get(i);
        }
        siteCount = start + types.length;
        blockIds.put(java.util.List.copyOf(block), start);
        return start;
    }

    /**
     * Fast path: the instance size in bytes of an object site, or 0 when not known yet (or when
     * the id is not one of this registry's).
     */
    public int instanceSize(int site) {
        int[] sizes = instanceSizes;
        return site >= 0 && site < sizes.length ? sizes[site] : 0;
    }

    /** Sets the instance size of an object site, found on its first allocation. */
    public synchronized void setInstanceSize(int site, int bytes) {
        checkSite(site);
        int[] sizes = instanceSizes;
        if (site >= sizes.length) {
            sizes = java.util.Arrays.copyOf(sizes, Math.max(site + 1, Math.min(MAX_IDS, sizes.length * 2)));
        }
        sizes[site] = bytes;
        instanceSizes = sizes;
    }

    public synchronized Site site(int id) {
        checkSite(id);
        return storedSite(id);
    }

    private Site storedSite(int id) {
        return sites[id >>> CHUNK_BITS][id & (CHUNK_SIZE - 1)];
    }

    private CodeLocation storedLocation(int id) {
        return locations[id >>> CHUNK_BITS][id & (CHUNK_SIZE - 1)];
    }

    public synchronized boolean isSite(int id) {
        return id >= 0 && id < siteCount;
    }

    public synchronized CodeLocation location(int id) {
        if (id < 0 || id >= locationCount) {
            throw new IllegalArgumentException("Unknown location id " + id + " (" + locationCount + " registered)");
        }
        return storedLocation(id);
    }

    public synchronized boolean isLocation(int id) {
        return id >= 0 && id < locationCount;
    }

    public synchronized int siteCount() {
        return siteCount;
    }

    public synchronized int locationCount() {
        return locationCount;
    }

    private void checkSite(int id) {
        if (id < 0 || id >= siteCount) {
            throw new IllegalArgumentException("Unknown site id " + id + " (" + siteCount + " registered)");
        }
    }

    private static int checkCapacity(int next, String what) {
        if (next >= MAX_IDS) {
            throw new IllegalStateException("More than " + MAX_IDS + " allocation " + what + " registered");
        }
        return next;
    }

    private static <T> T chunk(T[] chunks, int id, java.util.function.IntFunction<T> create) {
        int c = id >>> CHUNK_BITS;
        if (chunks[c] == null) {
            chunks[c] = create.apply(CHUNK_SIZE);
        }
        return chunks[c];
    }

    private String name(String s) {
        return names.computeIfAbsent(s, k -> k);
    }
}
