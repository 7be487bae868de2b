package dev.memtrack.agent.alloc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntPredicate;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Classes written with ASM for tests that need bytecode javac does not produce, or a great many sites. */
public final class GeneratedClasses extends ClassLoader {

    /** Outside the workload package, so only the tests that mean to instrument them select them. */
    public static final String PACKAGE = "dev.memtrack.agent.alloc.generated.";

    public GeneratedClasses() {
        super(GeneratedClasses.class.getClassLoader());
    }

    public Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    /**
     * {@code public static Object run(int site)}: a switch with one {@code new byte[8]} per case,
     * each on its own line {@code site + 1} of {@code <simple name>.java}.
     */
    static byte[] manySites(String name, int sites) {
        return manySites(name, sites, site -> false);
    }

    /**
     * {@code public static Object run(int site)}: a switch with one allocation per case, each on its
     * own line {@code site + 1} of {@code <simple name>.java}: {@code new Object()} where
     * {@code newObjectAt} says so, {@code new byte[8]} elsewhere.
     */
    public static byte[] manySites(String name, int sites, IntPredicate newObjectAt) {
        String internal = name.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internal, null, "java/lang/Object", null);
        cw.visitSource(name.substring(name.lastIndexOf('.') + 1) + ".java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(I)Ljava/lang/Object;",
                null, null);
        mv.visitCode();
        Label[] cases = new Label[sites];
        for (int i = 0; i < sites; i++) {
            cases[i] = new Label();
        }
        Label otherwise = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitTableSwitchInsn(0, sites - 1, otherwise, cases);
        for (int i = 0; i < sites; i++) {
            mv.visitLabel(cases[i]);
            mv.visitLineNumber(i + 1, cases[i]);
            if (newObjectAt.test(i)) {
                mv.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
                mv.visitInsn(Opcodes.DUP);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            } else {
                mv.visitIntInsn(Opcodes.BIPUSH, 8);
                mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BYTE);
            }
            mv.visitInsn(Opcodes.ARETURN);
        }
        mv.visitLabel(otherwise);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code public static Object run(Object array)}: {@code array.clone()} through
     * {@code invokevirtual java/lang/Object.clone}, as javac before Java 5 compiled it.
     */
    static byte[] oldStyleArrayClone(String name) {
        String internal = name.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internal, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run",
                "(Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "[I");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "clone", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class in the Java 1.4 format, which cannot load class constants: refused by the tracker. */
    public static byte[] java14(String name) {
        String internal = name.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internal, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;",
                null, null);
        mv.visitCode();
        mv.visitIntInsn(Opcodes.BIPUSH, 3);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The static {@code run} method of a generated class. */
    public static MethodHandle run(Class<?> c, MethodType type) {
        try {
            return MethodHandles.publicLookup().findStatic(c, "run", type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
