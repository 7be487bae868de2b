package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's hook into the class file: wraps the class visitor of one class of one loader with
 * {@link AllocationClassVisitor}. No frame or max computation is requested from ASM: the inserted
 * code keeps existing frames valid and raises the maximum stack itself.
 */
final class AllocationVisitorWrapper implements AsmVisitorWrapper {

    private final SiteRegistry registry;
    private final ObjectSizes sizes;
    private final int loaderId;

    AllocationVisitorWrapper(SiteRegistry registry, ObjectSizes sizes, int loaderId) {
        this.registry = registry;
        this.sizes = sizes;
        this.loaderId = loaderId;
    }

    @Override
    public int mergeWriter(int flags) {
        return flags;
    }

    @Override
    public int mergeReader(int flags) {
        return flags;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return new AllocationClassVisitor(net.bytebuddy.utility.OpenedClassReader.ASM_API, classVisitor,
                new SiteFactory(registry, sizes, loaderId));
    }
}
