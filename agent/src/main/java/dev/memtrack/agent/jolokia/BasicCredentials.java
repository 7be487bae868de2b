package dev.memtrack.agent.jolokia;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The user and password of HTTP basic authentication, and the check of an {@code Authorization}
 * header against them (in constant time, so timing does not reveal the password).
 *
 * <p>Immutable and thread-safe.
 */
public final class BasicCredentials {

    private final byte[] expected;

    public BasicCredentials(String user, String password) {
        this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code authorization} (the header value, may be {@code null}) carries these credentials. */
    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
