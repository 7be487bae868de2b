package dev.memtrack.agent.alloc.instrument;

import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Instruments the methods of one class with {@link AllocationMethodVisitor}, after learning the
 * class's name, source file and class-file version. Class files older than Java 5 cannot load class
 * constants, which the {@code new} hook needs; they are refused (and so loaded unchanged and listed).
 */
final class AllocationClassVisitor extends ClassVisitor {

    private static final int JAVA_5 = Opcodes.V1_5 & 0xFFFF;

    private final SiteFactory sites;

    AllocationClassVisitor(int api, ClassVisitor next, SiteFactory sites) {
        super(api, next);
        this.sites = sites;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        if ((version & 0xFFFF) < JAVA_5) {
            throw new UnsupportedClassVersionError("class file version " + (version & 0xFFFF)
                    + " predates class literals (Java 5); left unchanged");
        }
        sites.setClass(name);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        sites.setFile(source);
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        return new AllocationMethodVisitor(api, next, sites, name);
    }
}
