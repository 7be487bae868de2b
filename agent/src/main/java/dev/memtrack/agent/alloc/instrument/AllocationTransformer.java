package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites the allocating instructions of each selected class as it loads or is retransformed: one
 * pass of ASM from the class file bytes to new bytes, nothing else. No type descriptions, no type
 * pool, no method graph and no frame computation: the inserted code is straight-line and keeps the
 * existing stack map frames valid (see {@link AllocationMethodVisitor}), so nothing about other
 * classes needs to be known, and no class is loaded, while a class is transformed. That is what
 * makes loading a class under the tracker cheap; a class with no allocation is left as it was.
 *
 * <p>Re-entrant calls on one thread (the transformation loading a class of the tracker's own, say)
 * pass classes through unchanged. Every failure leaves its class unchanged and is listed.
 */
final class AllocationTransformer implements ClassFileTransformer {

    private static final byte[] UNCHANGED = null;

    private final Instrumentation inst;
    private final TypeSelection selection;
    private final SiteRegistry registry;
    private final ObjectSizes sizes;
    private final InstrumentationListener listener;
    private final Module hooksModule;
    private final ThreadLocal<boolean[]> transforming = ThreadLocal.withInitial(() -> new boolean[1]);

    AllocationTransformer(Instrumentation inst, TypeSelection selection, SiteRegistry registry, ObjectSizes sizes,
                          InstrumentationListener listener, Module hooksModule) {
        this.inst = inst;
        this.selection = selection;
        this.registry = registry;
        this.sizes = sizes;
        this.listener = listener;
        this.hooksModule = hooksModule;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null || classFile == null) {
            return UNCHANGED;
        }
        boolean[] busy = transforming.get();
        if (busy[0]) {
            return UNCHANGED;
        }
        busy[0] = true;
        String className = internalName.replace('/', '.');
        boolean selected = false;
        long started = 0;
        try {
            if (!selection.selects(className, loader, protectionDomain)) {
                return UNCHANGED;
            }
            selected = true;
            started = listener.started();
            byte[] rewritten = rewrite(loader, classFile);
            if (rewritten != UNCHANGED) {
                assureReadEdge(module);
            }
            listener.transformed(classBeingRedefined != null);
            return rewritten;
        } catch (Throwable problem) {
            listener.fail(className, loader, problem);
            return UNCHANGED;
        } finally {
            if (selected) {
                listener.completed(started);
            }
            busy[0] = false;
        }
    }

    private byte[] rewrite(ClassLoader loader, byte[] classFile) {
        ClassReader reader = OpenedClassReader.of(classFile);
        // Given the reader, the writer starts from its constant pool: unchanged entries are copied, not rebuilt.
        ClassWriter writer = new ClassWriter(reader, 0);
        SiteFactory sites = new SiteFactory(registry, sizes, registry.loaderId(loader));
        reader.accept(new AllocationClassVisitor(OpenedClassReader.ASM_API, writer, sites), 0);
        return sites.any() ? writer.toByteArray() : UNCHANGED;
    }

    /** A class of a named module must be able to read the hooks' module (the bootstrap loader's unnamed one). */
    private void assureReadEdge(Module module) {
        if (module != null && module.isNamed() && !module.canRead(hooksModule)) {
            inst.redefineModule(module, Set.of(hooksModule), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }
}
