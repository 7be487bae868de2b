package dev.memtrack.agent.alloc.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    @Test
    void writesTypesAsJavaDoes() {
        assertThat(TypeNames.fromInternalName("java/lang/String")).isEqualTo("java.lang.String");
        assertThat(TypeNames.fromInternalName("com/acme/Outer$Inner")).isEqualTo("com.acme.Outer$Inner");
        assertThat(TypeNames.fromInternalName("[[Ljava/lang/String;")).isEqualTo("java.lang.String[][]");
        assertThat(TypeNames.fromDescriptor("[I")).isEqualTo("int[]");
        assertThat(TypeNames.fromDescriptor("[[[Z")).isEqualTo("boolean[][][]");
        assertThat(TypeNames.fromDescriptor("J")).isEqualTo("long");
        assertThat(TypeNames.of(int[][].class)).isEqualTo("int[][]");
        assertThat(TypeNames.of(String[].class)).isEqualTo("java.lang.String[]");
        assertThatThrownBy(() -> TypeNames.fromDescriptor("Q")).hasMessageContaining("'Q'");
    }

    @Test
    void hiddenClassesLoseTheirUnstableSuffix() {
        Object token = new Object();
        Supplier<Object> lambda = () -> token;
        assertThat(lambda.getClass().getName()).contains("/");
        assertThat(TypeNames.of(lambda.getClass())).isEqualTo(lambda.getClass().getName().split("/")[0])
                .doesNotContain("/").startsWith(TypeNamesTest.class.getName() + "$$Lambda");
    }
}
