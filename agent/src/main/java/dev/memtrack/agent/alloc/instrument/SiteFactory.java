package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.site.TypeNames;
import dev.memtrack.agent.alloc.size.ObjectSizes;

/** Registers the sites of one class being instrumented: knows its loader, name and source file. */
final class SiteFactory {

    private final SiteRegistry registry;
    private final ObjectSizes sizes;
    private final int loaderId;
    private String className = "?";
    private String fileName;
    private boolean any;

    SiteFactory(SiteRegistry registry, ObjectSizes sizes, int loaderId) {
        this.registry = registry;
        this.sizes = sizes;
        this.loaderId = loaderId;
    }

    void setClass(String internalName) {
        this.className = internalName.replace('/', '.');
    }

    void setFile(String source) {
        this.fileName = source;
    }

    int location(String method, int line) {
        any = true;
        return registry.location(loaderId, className, method, fileName, line);
    }

    /** Whether any site was registered, that is whether the class's code changes. */
    boolean any() {
        return any;
    }

    /** Site of {@code new T}, T an internal name. */
    int objectSite(String method, int line, String internalName) {
        return registry.site(location(method, line), TypeNames.fromInternalName(internalName), -1);
    }

    /** Site of a one-dimensional array whose descriptor is {@code arrayDescriptor}, e.g. {@code [I}. */
    int arraySite(String method, int line, String arrayDescriptor) {
        return registry.site(location(method, line), TypeNames.fromDescriptor(arrayDescriptor), layout(arrayDescriptor));
    }

    /**
     * First of {@code dimensions} consecutive sites for {@code new T[a][b]...}: level {@code i} is
     * the array type {@code descriptor.substring(i)}. Always fresh ids, so they are consecutive;
     * rows with equal text are merged when reported.
     */
    int multiArraySites(String method, int line, String descriptor, int dimensions) {
        int location = location(method, line);
        String[] types = new String[dimensions];
        int[] layouts = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            types[i] = TypeNames.fromDescriptor(descriptor.substring(i));
            layouts[i] = layout(descriptor.substring(i));
        }
        return registry.siteBlock(location, types, layouts);
    }

    /** The layout of arrays of a one-dimensional-or-more array descriptor. */
    int layout(String arrayDescriptor) {
        return sizes.arrayLayout(arrayDescriptor.charAt(1));
    }
}
