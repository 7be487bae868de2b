package dev.memtrack.agent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationsTest {

    @TempDir
    Path tmp;

    @Test
    void aPublishedRegistrationIsListedPrivateAndWithdrawn() throws IOException {
        Registrations registrations = new Registrations(tmp.resolve("memtrack-me"));

        registrations.publish("1.2.3", "premain", Optional.of("http://127.0.0.1:8778/jolokia/"));

        long pid = ProcessHandle.current().pid();
        assertThat(registrations.running()).singleElement().satisfies(r -> {
            assertThat(r.pid()).isEqualTo(pid);
            assertThat(r.version()).isEqualTo("1.2.3");
            assertThat(r.startMode()).isEqualTo("premain");
            assertThat(r.jolokiaUrl()).hasValue("http://127.0.0.1:8778/jolokia/");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(registrations.directory())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                registrations.directory().resolve(pid + ".properties")))).isEqualTo("rw-------");

        registrations.withdraw();
        assertThat(registrations.running()).isEmpty();
    }

    @Test
    void aFileOfAProcessThatIsGoneIsIgnoredAndRemoved() throws IOException {
        Registrations registrations = new Registrations(tmp.resolve("memtrack-me"));
        registrations.publish("1", "attach", Optional.empty());
        Path stale = registrations.directory().resolve("2147483000.properties");
        Files.writeString(stale, "pid=2147483000\nstartedAtMillis=1\nversion=0\nstartMode=premain\njolokiaUrl=\n");
        Files.writeString(registrations.directory().resolve("junk.properties"), "pid=abc\n");

        assertThat(registrations.running()).singleElement().satisfies(r -> assertThat(r.jolokiaUrl()).isEmpty());
        assertThat(stale).doesNotExist();
    }

    @Test
    void aDirectoryOpenToOthersIsNeitherWrittenNorRead() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("memtrack-open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Registrations registrations = new Registrations(open);

        assertThatThrownBy(() -> registrations.publish("1", "premain", Optional.empty()))
                .hasMessage(open + " is open to other users (mode rwxrwxrwx, expected rwx------)");
        Files.writeString(open.resolve(ProcessHandle.current().pid() + ".properties"), "pid="
                + ProcessHandle.current().pid() + "\nstartedAtMillis=0\n");
        assertThat(registrations.running()).isEmpty();
    }
}
