package dev.memtrack.agent.jolokia;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;

/**
 * The endpoint's settings, checked before anything listens. Each check that fails throws an
 * {@link IllegalArgumentException} saying what is wrong and what to do; Jolokia then stays off
 * (never open with a weaker setting than asked for).
 *
 * @param policyLocation URL of the access policy, readable from the agent's class loader
 */
record JolokiaSettings(String host, InetAddress bindAddress, int port, Optional<BasicCredentials> credentials,
                       Optional<Path> certificate, Optional<Path> privateKey, String policyLocation,
                       String policyDescription) {

    static final String DEFAULT_POLICY = "jolokia-access.xml";

    boolean https() {
        return certificate.isPresent();
    }

    boolean loopback() {
        return bindAddress.isLoopbackAddress();
    }

    static JolokiaSettings from(AgentConfig config) throws IOException {
        String host = config.text(ConfigKey.JOLOKIA_HOST).orElse("127.0.0.1");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("jolokia.host '" + host + "' cannot be resolved");
        }
        Optional<String> user = config.text(ConfigKey.JOLOKIA_USER);
        Optional<String> password = config.text(ConfigKey.JOLOKIA_PASSWORD);
        requireBothOrNeither(user.isPresent(), password.isPresent(), ConfigKey.JOLOKIA_USER, ConfigKey.JOLOKIA_PASSWORD);
        Optional<BasicCredentials> credentials = user.map(u -> new BasicCredentials(u, password.orElseThrow()));
        if (!address.isLoopbackAddress() && credentials.isEmpty()) {
            throw new IllegalArgumentException("refusing to listen on non-loopback address " + host
                    + " without authentication: set jolokia.user and jolokia.password (and, over a network, "
                    + "jolokia.https.cert and jolokia.https.key), or keep jolokia.host=127.0.0.1");
        }
        Optional<Path> cert = config.path(ConfigKey.JOLOKIA_HTTPS_CERT);
        Optional<Path> key = config.path(ConfigKey.JOLOKIA_HTTPS_KEY);
        requireBothOrNeither(cert.isPresent(), key.isPresent(), ConfigKey.JOLOKIA_HTTPS_CERT, ConfigKey.JOLOKIA_HTTPS_KEY);
        cert.ifPresent(p -> requireReadable(p, ConfigKey.JOLOKIA_HTTPS_CERT));
        key.ifPresent(p -> requireReadable(p, ConfigKey.JOLOKIA_HTTPS_KEY));

        Optional<Path> userPolicy = config.path(ConfigKey.JOLOKIA_POLICY);
        URL policy;
        String policyDescription;
        if (userPolicy.isPresent()) {
            requireReadable(userPolicy.get(), ConfigKey.JOLOKIA_POLICY);
            policy = userPolicy.get().toAbsolutePath().toUri().toURL();
            policyDescription = "policy " + userPolicy.get();
        } else {
            policy = JolokiaSettings.class.getResource(DEFAULT_POLICY);
            if (policy == null) {
                throw new IllegalStateException("memtrack's default Jolokia policy " + DEFAULT_POLICY
                        + " is missing from the agent jar");
            }
            policyDescription = "memtrack's default policy";
        }
        requireValidPolicy(policy, policyDescription);
        return new JolokiaSettings(host, address, config.integer(ConfigKey.JOLOKIA_PORT), credentials, cert, key,
                policy.toExternalForm(), policyDescription);
    }

    private static void requireBothOrNeither(boolean first, boolean second, ConfigKey a, ConfigKey b) {
        if (first != second) {
            throw new IllegalArgumentException(a.key() + " and " + b.key() + " must be set together; only "
                    + (first ? a : b).key() + " is set");
        }
    }

    private static void requireReadable(Path file, ConfigKey key) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(key.key() + " '" + file + "' is not a readable file"
                    + (key == ConfigKey.JOLOKIA_POLICY ? "; Jolokia stays off rather than run without that policy"
                    : ""));
        }
    }

    /** Parses the policy as Jolokia will, so a broken file keeps Jolokia off instead of denying or allowing all. */
    private static void requireValidPolicy(URL policy, String description) throws IOException {
        byte[] bytes;
        try (InputStream in = policy.openStream()) {
            bytes = in.readAllBytes();
        }
        try {
            new PolicyRestrictor(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(description + " is not a valid Jolokia access policy: "
                    + e.getMessage());
        }
    }
}
