package dev.memtrack.agent.alloc.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.alloc.AllocationTracker;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeSelectionTest {

    private final ClassLoader app = new URLClassLoader(new URL[0], null);
    private final ProtectionDomain elsewhere = domain("file:/opt/app/app.jar");

    @Test
    void defaultSelectionIsEverythingButJdkOwnAndByteBuddy() {
        TypeSelection s = new TypeSelection(List.of(), List.of(), AllocationTracker.class);
        assertThat(s.selects("com.acme.Main", app, elsewhere)).isTrue();
        assertThat(s.selects("javax.servlet.Filter", app, elsewhere)).isTrue();
        assertThat(s.selects("com.acme.Main", null, elsewhere)).as("bootstrap").isFalse();
        assertThat(s.selects("com.acme.Main", ClassLoader.getPlatformClassLoader(), elsewhere)).isFalse();
        assertThat(s.selects("jdk.internal.reflect.GeneratedConstructorAccessor1", app, null)).isFalse();
        assertThat(s.selects("jdk.proxy1.$Proxy7", app, null)).isFalse();
        assertThat(s.selects("net.bytebuddy.ByteBuddy", app, elsewhere)).isFalse();
        assertThat(s.selects("dev.memtrack.agent.alloc.record.Recorder", app,
                AllocationTracker.class.getProtectionDomain())).as("the tracker's own code").isFalse();
        assertThat(s.selects("dev.memtrack.agent.MemtrackAgent", app, elsewhere))
                .as("the agent's launcher on the application class path").isFalse();
        assertThat(s.selects("dev.memtrack.simulator.Main", app, elsewhere)).as("memtrack's demo workload").isTrue();
    }

    @Test
    void includeAndExcludePatterns() {
        TypeSelection s = new TypeSelection(List.of("com.acme.*", "org.example.Main", "net.bytebuddy.*"),
                List.of("com.acme.generated.*", "com.acme.Secret*"), AllocationTracker.class);
        assertThat(s.selects("com.acme.Main", app, elsewhere)).isTrue();
        assertThat(s.selects("com.acme.deep.Util", app, elsewhere)).isTrue();
        assertThat(s.selects("com.acmeX.Util", app, elsewhere)).isFalse();
        assertThat(s.selects("com.acme.generated.Dto", app, elsewhere)).isFalse();
        assertThat(s.selects("com.acme.SecretSauce", app, elsewhere)).isFalse();
        assertThat(s.selects("org.example.Main", app, elsewhere)).isTrue();
        assertThat(s.selects("org.example.Main$Inner", app, elsewhere)).isTrue();
        assertThat(s.selects("org.example.MainFrame", app, elsewhere)).isFalse();
        assertThat(s.selects("net.bytebuddy.ByteBuddy", app, elsewhere)).as("explicitly asked for").isTrue();
        assertThat(s.selects("com.acme.Main", null, elsewhere)).isFalse();
    }

    @Test
    void agentPackageOnlyWhenNamed() {
        assertThat(new TypeSelection(List.of("*"), List.of(), AllocationTracker.class)
                .selects("dev.memtrack.agent.MemtrackAgent", app, elsewhere)).isFalse();
        TypeSelection named = new TypeSelection(List.of("dev.memtrack.agent.alloc.workload.*"), List.of(),
                AllocationTracker.class);
        assertThat(named.selects("dev.memtrack.agent.alloc.workload.Forms", app, elsewhere)).isTrue();
        assertThat(named.selects("dev.memtrack.agent.MemtrackAgent", app, elsewhere)).isFalse();
    }

    private static ProtectionDomain domain(String url) {
        try {
            return new ProtectionDomain(new CodeSource(new URL(url), (java.security.cert.Certificate[]) null), null);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
