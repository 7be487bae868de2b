package dev.memtrack.agent.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The memtrack version, written into {@code version.properties} by the build. */
public final class Version {

    private Version() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; "unknown" if the resource is missing. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
