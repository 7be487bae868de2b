package dev.memtrack.agent.alloc.instrument;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Adds a call of an {@code AllocationHooks} method to every allocating instruction of a method.
 * Every insertion is straight-line code between two existing instructions that leaves the operand
 * stack as it found it, so existing stack map frames stay valid; only the maximum stack grows
 * (by {@link #EXTRA_STACK}). Insertions go <em>after</em> a {@code NEW}, so the label that frames
 * use to name the uninitialized object still points at the {@code NEW}.
 *
 * <ul>
 *   <li>{@code NEW T} → {@code newObject(T.class, site)}</li>
 *   <li>{@code NEWARRAY}, {@code ANEWARRAY} → {@code newArray(length, site, layout)}</li>
 *   <li>{@code MULTIANEWARRAY} → {@code newMultiArray(array, dims, firstSite)}</li>
 *   <li>{@code Array.newInstance} → replaced by {@code arrayNewInstance(..., location)}</li>
 *   <li>{@code Constructor.newInstance}, {@code Class.newInstance}, capturing lambdas →
 *       {@code newInstance(result, location)} after the call (caller-sensitive calls stay in place)</li>
 *   <li>{@code clone()} on an array, virtually, or through {@code super} → {@code cloneArray},
 *       {@code cloneVirtual(receiver, copy, location)}, {@code cloneSuper(copy, owner, location)}</li>
 * </ul>
 */
final class AllocationMethodVisitor extends MethodVisitor {

    static final int EXTRA_STACK = 4;
    static final String HOOKS = "dev/memtrack/agent/bootstrap/AllocationHooks";
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final SiteFactory sites;
    private final String method;
    private int line = -1;
    private boolean changed;

    /** The class file must be Java 5 or later: hooks load class constants. */
    AllocationMethodVisitor(int api, MethodVisitor next, SiteFactory sites, String method) {
        super(api, next);
        this.sites = sites;
        this.method = method;
    }

    @Override
    public void visitLineNumber(int line, net.bytebuddy.jar.asm.Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        super.visitTypeInsn(opcode, type);
        if (opcode == Opcodes.NEW) {
            super.visitLdcInsn(Type.getObjectType(type));
            push(sites.objectSite(method, line, type));
            hook("newObject", "(Ljava/lang/Class;I)V");
        } else if (opcode == Opcodes.ANEWARRAY) {
            String descriptor = "[" + (type.startsWith("[") ? type : "L" + type + ";");
            arrayHook(descriptor);
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        super.visitIntInsn(opcode, operand);
        if (opcode == Opcodes.NEWARRAY) {
            arrayHook("[" + primitiveDescriptor(operand));
        }
    }

    private void arrayHook(String descriptor) {
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.ARRAYLENGTH);
        push(sites.arraySite(method, line, descriptor));
        push(sites.layout(descriptor));
        hook("newArray", "(III)V");
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        super.visitMultiANewArrayInsn(descriptor, dimensions);
        super.visitInsn(Opcodes.DUP);
        push(dimensions);
        push(sites.multiArraySites(method, line, descriptor, dimensions));
        hook("newMultiArray", "(Ljava/lang/Object;II)V");
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/reflect/Array") && name.equals("newInstance")) {
            if (descriptor.equals("(Ljava/lang/Class;I)Ljava/lang/Object;")
                    || descriptor.equals("(Ljava/lang/Class;[I)Ljava/lang/Object;")) {
                push(location());
                hook("arrayNewInstance", descriptor.replace(")", "I)"));
                return;
            }
        }
        boolean clone = name.equals("clone") && descriptor.startsWith("()") && !descriptor.endsWith(")V")
                && descriptor.length() > 3;
        if (clone && (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)
                && !owner.startsWith("[")) {
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            super.visitInsn(Opcodes.DUP_X1);
            push(location());
            hook("cloneVirtual", "(Ljava/lang/Object;Ljava/lang/Object;I)V");
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        if (clone && opcode == Opcodes.INVOKEVIRTUAL) {
            afterCall("cloneArray");
        } else if (clone && opcode == Opcodes.INVOKESPECIAL && !isInterface) {
            if (owner.equals("java/lang/Object")) {
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.ACONST_NULL);
            } else {
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(Type.getObjectType(owner));
            }
            push(location());
            hook("cloneSuper", "(Ljava/lang/Object;Ljava/lang/Class;I)V");
        } else if (opcode == Opcodes.INVOKEVIRTUAL && name.equals("newInstance")
                && (owner.equals("java/lang/reflect/Constructor")
                && descriptor.equals("([Ljava/lang/Object;)Ljava/lang/Object;")
                || owner.equals("java/lang/Class") && descriptor.equals("()Ljava/lang/Object;"))) {
            afterCall("newInstance");
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        // A capturing lambda is a new object on every evaluation; a non-capturing one is a constant.
        if (bootstrap.getOwner().equals(LAMBDA_METAFACTORY) && !descriptor.startsWith("()")) {
            afterCall("newInstance");
        }
    }

    /** After a call that returned the new object: {@code dup; push location; invokestatic hook(Object, int)}. */
    private void afterCall(String hookName) {
        super.visitInsn(Opcodes.DUP);
        push(location());
        hook(hookName, "(Ljava/lang/Object;I)V");
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(changed ? maxStack + EXTRA_STACK : maxStack, maxLocals);
    }

    private int location() {
        return sites.location(method, line);
    }

    private void hook(String name, String descriptor) {
        changed = true;
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
    }

    private void push(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    private static char primitiveDescriptor(int newArrayOperand) {
        return switch (newArrayOperand) {
            case Opcodes.T_BOOLEAN -> 'Z';
            case Opcodes.T_CHAR -> 'C';
            case Opcodes.T_FLOAT -> 'F';
            case Opcodes.T_DOUBLE -> 'D';
            case Opcodes.T_BYTE -> 'B';
            case Opcodes.T_SHORT -> 'S';
            case Opcodes.T_INT -> 'I';
            case Opcodes.T_LONG -> 'J';
            default -> throw new IllegalArgumentException("Not a NEWARRAY operand: " + newArrayOperand);
        };
    }
}
