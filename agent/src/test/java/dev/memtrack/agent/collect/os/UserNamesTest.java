package dev.memtrack.agent.collect.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesComeFromThePasswdFileAndUnknownUidsStayNumeric() throws IOException {
        Path passwd = dir.resolve("passwd");
        Files.write(passwd, List.of("# comment", "root:x:0:0:root:/root:/bin/bash", "ops:x:1000:1000::/home/ops:/bin/sh",
                "alias:x:1000:1000::/:/bin/sh"));
        UserNames users = new UserNames(passwd);

        assertThat(users.name("0")).contains("root");
        assertThat(users.name("1000")).contains("ops");
        assertThat(users.name("4242")).contains("4242");
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path passwd = dir.resolve("passwd");
        Files.write(passwd, List.of("old:x:5:5::/:/bin/sh"));
        UserNames users = new UserNames(passwd);
        assertThat(users.name("5")).contains("old");

        Files.write(passwd, List.of("new:x:5:5::/:/bin/sh"));
        Files.setLastModifiedTime(passwd, FileTime.fromMillis(Files.getLastModifiedTime(passwd).toMillis() + 5_000));

        assertThat(users.name("5")).contains("new");
    }

    @Test
    void noPasswdFileMeansAskSomeoneElse() {
        assertThat(new UserNames(dir.resolve("missing")).name("0")).isEmpty();
    }
}
