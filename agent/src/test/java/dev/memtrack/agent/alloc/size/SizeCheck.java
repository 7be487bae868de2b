package dev.memtrack.agent.alloc.size;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Compares the computed sizes with the JVM's {@code getObjectSize} in this JVM, whatever its
 * layout options; prints the mismatches, or {@code OK} and the layout. Run in child JVMs started
 * with other layout options by {@link ObjectSizesTest}.
 */
public final class SizeCheck {

    private SizeCheck() {
    }

    public static void main(String[] args) {
        Instrumentation inst = ByteBuddyAgent.install();
        List<String> mismatches = mismatches(inst, ObjectSizes.calibrate(inst, w -> { }));
        System.out.println(mismatches.isEmpty() ? "OK " + VmLayout.current() : String.join("\n", mismatches));
    }

    static List<String> mismatches(Instrumentation inst, ObjectSizes sizes) {
        List<String> out = new ArrayList<>();
        for (Object o : SizeSamples.instances()) {
            long jvm = inst.getObjectSize(o);
            long computed = sizes.computedInstanceSize(o.getClass());
            if (computed != jvm) {
                out.add("instance " + o.getClass().getName() + ": computed " + computed + ", JVM " + jvm);
            }
            long used = sizes.instanceSize(o.getClass());
            if (used != jvm) {
                out.add("instance " + o.getClass().getName() + ": used " + used + ", JVM " + jvm);
            }
        }
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 100, 1000, 65_537}) {
            for (Object a : SizeSamples.arrays(length)) {
                long jvm = inst.getObjectSize(a);
                long computed = sizes.arraySize(sizes.arrayLayout(a.getClass()), length);
                if (computed != jvm) {
                    out.add(a.getClass().getTypeName() + "[" + length + "]: computed " + computed + ", JVM " + jvm);
                }
            }
        }
        return out;
    }
}
