package dev.memtrack.hawtio.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The console's settings after validation. Precedence is Spring Boot's: command-line options, then system
 * properties, then environment variables, then {@code application.properties} (which binds to 127.0.0.1 with
 * authentication off).
 *
 * <p>The one rule enforced here: authentication may be off only while the console listens on a loopback
 * address, because then only programs on this machine can reach it and, through its proxy, the JVMs.
 *
 * @param targets               JVMs to connect to, in command-line order
 * @param address               the address the console listens on
 * @param authenticationEnabled Hawtio's {@code hawtio.authenticationEnabled}
 */
public record ConsoleSettings(List<ConnectTarget> targets, String address, boolean authenticationEnabled) {

    public static final String CONNECT_PROPERTY = "memtrack.connect";

    public ConsoleSettings {
        targets = List.copyOf(targets);
    }

    public static ConsoleSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> specs = binder.bind(CONNECT_PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
        List<ConnectTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : specs) {
            if (spec.isBlank()) {
                continue;
            }
            ConnectTarget target = ConnectTarget.parse(spec);
            if (!names.add(target.name())) {
                throw new ConsoleConfigurationException(
                        "Two --memtrack.connect options use the name '" + target.name() + "'.",
                        "Give each JVM its own name: --memtrack.connect=<name>=<Jolokia URL>.");
            }
            targets.add(target);
        }
        String address = environment.getProperty("server.address", "");
        boolean authentication = environment.getProperty("hawtio.authenticationEnabled", Boolean.class, true);
        ConsoleSettings settings = new ConsoleSettings(targets, address, authentication);
        settings.requireLoopbackWithoutAuthentication();
        return settings;
    }

    /** Whether the console listens on a loopback address only (an empty address means all interfaces). */
    public boolean loopbackOnly() {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The hosts the console's proxy may forward to: loopback plus the hosts of the targets. */
    public String proxyAllowlist() {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        targets.forEach(t -> hosts.add(t.host()));
        return String.join(", ", hosts);
    }

    private void requireLoopbackWithoutAuthentication() {
        if (!authenticationEnabled && !loopbackOnly()) {
            String shown = address == null || address.isBlank() ? "all interfaces" : "'" + address + "'";
            throw new ConsoleConfigurationException(
                    "The console would listen on " + shown + ", which is not a loopback address, with "
                            + "authentication off: anyone who can reach it could control the connected JVMs.",
                    "Keep the default --server.address=127.0.0.1 (or ::1), or turn authentication on with "
                            + "--hawtio.authenticationEnabled=true and a login realm configured for Hawtio.");
        }
    }
}
