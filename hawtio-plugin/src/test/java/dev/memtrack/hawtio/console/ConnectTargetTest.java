package dev.memtrack.hawtio.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectTargetTest {

    @Test
    void readsAJolokiaUrlAndNamesItAfterHostAndPort() {
        ConnectTarget target = ConnectTarget.parse("http://127.0.0.1:8778/jolokia/");

        assertThat(target).isEqualTo(new ConnectTarget("127.0.0.1:8778", "http", "127.0.0.1", 8778, "/jolokia"));
        assertThat(target.url()).isEqualTo("http://127.0.0.1:8778/jolokia/");
    }

    @Test
    void takesAnOptionalNameBeforeTheUrl() {
        assertThat(ConnectTarget.parse("demo=http://localhost:9000/jolokia").name()).isEqualTo("demo");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8778, 8778, /jolokia",
            "https://jvm.example, 443, /jolokia",
            "http://jvm.example/, 80, /",
            "http://[::1]:8778/custom/path/, 8778, /custom/path",
    })
    void fillsInDefaults(String url, int port, String path) {
        ConnectTarget target = ConnectTarget.parse(url);

        assertThat(target.port()).isEqualTo(port);
        assertThat(target.path()).isEqualTo(path);
    }

    @Test
    void keepsIpv6BracketsInTheUrl() {
        assertThat(ConnectTarget.parse("http://[::1]:8778/jolokia").url()).isEqualTo("http://[::1]:8778/jolokia/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://127.0.0.1:21/jolokia | the scheme must be http or https",
            "127.0.0.1:8778 | it must start with http:// or https://",
            "http:///jolokia | it names no host",
            "http://user:secret@127.0.0.1:8778/jolokia | credentials do not belong on the command line",
            "http://127.0.0.1:8778/jolokia?x=1 | a Jolokia URL has no query or fragment",
            "bad name=http://127.0.0.1:8778/jolokia | the name 'bad name' must be 1-64 letters",
            "http://127.0.0.1:87 78/ | it is not a URL",
    })
    void explainsWhatIsWrongWithABadValue(String spec, String reason) {
        assertThatThrownBy(() -> ConnectTarget.parse(spec))
                .isInstanceOf(ConsoleConfigurationException.class)
                .hasMessageStartingWith("Invalid --memtrack.connect value '" + spec + "': ")
                .hasMessageContaining(reason)
                .extracting(e -> ((ConsoleConfigurationException) e).action())
                .asString().contains("--memtrack.connect=http://127.0.0.1:8778/jolokia/");
    }
}
