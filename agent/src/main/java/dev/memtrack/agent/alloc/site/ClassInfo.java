package dev.memtrack.agent.alloc.site;

import dev.memtrack.agent.alloc.size.ObjectMethods;
import dev.memtrack.agent.alloc.size.ObjectSizes;

/**
 * What the tracker needs to know about a class met at run time (reflection, clone, lambdas):
 * its name, its instance size or array layout, whether its {@code clone()} is the JVM's, and the
 * site ids of the locations where it was allocated. Computed once per class; see {@link ClassInfos}.
 */
public final class ClassInfo {

    private static final int[] NO_SITES = new int[0];
    private static final long UNKNOWN = -1;

    private final Class<?> type;
    private final ObjectSizes sizes;
    private final String typeName;
    private final int arrayLayout;
    private volatile long instanceSize = UNKNOWN;
    private volatile int cloneReachesObject = -1;
    /** Pairs (location id, site id), replaced on growth. */
    private volatile int[] sites = NO_SITES;

    ClassInfo(Class<?> type, ObjectSizes sizes) {
        this.type = type;
        this.sizes = sizes;
        this.typeName = TypeNames.of(type);
        this.arrayLayout = type.isArray() ? sizes.arrayLayout(type) : -1;
    }

    public String typeName() {
        return typeName;
    }

    /** The layout of an array class, -1 for other classes. */
    public int arrayLayout() {
        return arrayLayout;
    }

    /** Bytes of one instance (not for arrays). */
    public long instanceSize() {
        long s = instanceSize;
        if (s == UNKNOWN) {
            s = sizes.instanceSize(type);
            instanceSize = s;
        }
        return s;
    }

    /** Bytes of {@code instance}, an instance of this class or, for an array class, an array of it. */
    public long sizeOf(Object instance) {
        return arrayLayout >= 0 ? sizes.arraySize(arrayLayout, java.lang.reflect.Array.getLength(instance))
                : instanceSize();
    }

    /**
     * Whether {@code clone()} called on this class (virtually) or from a subclass of it
     * ({@code super.clone()} with this class as owner) runs the JVM's {@code Object.clone}, which
     * allocates, rather than an override, which accounts for its own allocations.
     */
    public boolean cloneReachesObject() {
        int r = cloneReachesObject;
        if (r < 0) {
            r = computeCloneReachesObject() ? 1 : 0;
            cloneReachesObject = r;
        }
        return r == 1;
    }

    private boolean computeCloneReachesObject() {
        return type.isArray() || !ObjectMethods.overridden(type, "clone");
    }

    /** The site of this class at {@code location}, registered on first use. */
    public int siteAt(int location, SiteRegistry registry) {
        int[] s = sites;
        for (int i = 0; i < s.length; i += 2) {
            if (s[i] == location) {
                return s[i + 1];
            }
        }
        return addSite(location, registry);
    }

    private synchronized int addSite(int location, SiteRegistry registry) {
        int[] s = sites;
        for (int i = 0; i < s.length; i += 2) {
            if (s[i] == location) {
                return s[i + 1];
            }
        }
        int site = registry.site(location, typeName, arrayLayout);
        int[] grown = java.util.Arrays.copyOf(s, s.length + 2);
        grown[s.length] = location;
        grown[s.length + 1] = site;
        sites = grown;
        return site;
    }
}
