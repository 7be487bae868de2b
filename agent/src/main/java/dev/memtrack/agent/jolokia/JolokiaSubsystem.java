package dev.memtrack.agent.jolokia;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.AgentInfo;
import dev.memtrack.agent.core.AgentThreads;
import dev.memtrack.agent.core.Subsystem;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.MBeanServer;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;

/**
 * {@code jolokia}: the embedded Jolokia 2 HTTP endpoint, hardened by default.
 * <ul>
 *   <li>binds loopback; a non-loopback address needs user and password ({@link JolokiaSettings});</li>
 *   <li>every request passes {@link RequestGuard} first (foreign Origin, cross-site fetch and
 *       non-loopback Host refused with 403; missing credentials 401 when auth is on), then
 *       {@link RequestScreen} (body size, JSON, no proxy requests; Jolokia's plain-text errors become
 *       JSON naming the bad value);</li>
 *   <li>its connections answer without Nagle's delay ({@link NoDelayFilter});</li>
 *   <li>memtrack's access policy ({@code jolokia-access.xml}) or the user's replacement, validated
 *       before start;</li>
 *   <li>no JSR-160 proxy (not shipped, disabled by name, and requests with a target refused), no
 *       discovery, no server detectors, no stack traces in errors (not even when a request asks for
 *       them); the application's own {@code jolokia.*} properties and
 *       {@code JOLOKIA_*} variables are ignored ({@link SystemPropertyMode#NEVER}).</li>
 * </ul>
 * The HTTP server is memtrack's own (so the guard sits on every context), served by two daemon
 * threads {@code memtrack-jolokia-N} with the agent's context class loader.
 */
public final class JolokiaSubsystem implements Subsystem {

    private static final String CONTEXT = "/jolokia";
    private static final String JSR160_HANDLER = "org.jolokia.service.jsr160.Jsr160RequestHandler";

    private final AgentInfo info;
    private HttpServer http;
    private ExecutorService executor;
    private JolokiaServer jolokia;

    public JolokiaSubsystem(AgentInfo info) {
        this.info = info;
    }

    @Override
    public String name() {
        return "jolokia";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.JOLOKIA, ConfigKey.JOLOKIA_HOST, ConfigKey.JOLOKIA_PORT, ConfigKey.JOLOKIA_USER,
                ConfigKey.JOLOKIA_PASSWORD, ConfigKey.JOLOKIA_POLICY, ConfigKey.JOLOKIA_HTTPS_CERT,
                ConfigKey.JOLOKIA_HTTPS_KEY);
    }

    @Override
    public Optional<String> offByConfiguration(AgentConfig config) {
        return config.bool(ConfigKey.JOLOKIA) ? Optional.empty() : Optional.of("jolokia=false");
    }

    @Override
    public void start(AgentContext context) throws Exception {
        JolokiaSettings settings = JolokiaSettings.from(context.config());
        http = bind(settings);
        executor = Executors.newFixedThreadPool(2, AgentThreads.factory("memtrack-jolokia"));
        http.setExecutor(executor);
        List<Filter> filters = new ArrayList<>();
        NoDelayFilter.create(context.instrumentation(), context.log()).ifPresent(filters::add);
        filters.add(new RequestGuard(new RequestOrigin(settings.loopback()), settings.credentials().orElse(null)));
        MBeanServer server = context.mbeans().server();
        filters.add(new RequestScreen(new ConversionExplainer(server), new ArgumentCountCheck(server), CONTEXT));
        HttpServer guarded = new GuardedHttpServer(http, filters);
        int port = http.getAddress().getPort();
        JolokiaServerConfig config = new JolokiaServerConfig(jolokiaOptions(settings, port), SystemPropertyMode.NEVER);
        jolokia = new JolokiaServer(guarded, config, new JolokiaLogHandler(context.log()));
        jolokia.start();
        http.start();
        info.jolokiaUrl(url(settings, port));
    }

    private static HttpServer bind(JolokiaSettings settings) throws Exception {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        try {
            if (!settings.https()) {
                return HttpServer.create(address, 16);
            }
            HttpsServer server = HttpsServer.create(address, 16);
            server.setHttpsConfigurator(new HttpsConfigurator(
                    PemTls.context(settings.certificate().orElseThrow(), settings.privateKey().orElseThrow())));
            return server;
        } catch (BindException e) {
            throw new IOException("jolokia.port " + settings.port() + " on " + settings.host()
                    + " is already in use; choose another port, or jolokia.port=0 for any free port", e);
        }
    }

    private static Map<String, String> jolokiaOptions(JolokiaSettings settings, int port) {
        Map<String, String> options = new HashMap<>();
        options.put("host", settings.host());
        options.put("port", Integer.toString(port));
        options.put("agentContext", CONTEXT);
        options.put("policyLocation", settings.policyLocation());
        options.put("discoveryEnabled", "false");
        options.put("disableDetectors", "true");
        options.put("includeStackTrace", "false");
        options.put("serializeException", "false");
        // Without this a client may ask for stack traces itself (?includeStackTrace=true).
        options.put("allowErrorDetails", "false");
        options.put("debug", "false");
        options.put("disabledServices", JSR160_HANDLER);
        options.put("agentDescription", "memtrack");
        return options;
    }

    private static String url(JolokiaSettings settings, int port) {
        String host = settings.bindAddress().isAnyLocalAddress() ? settings.host()
                : settings.bindAddress() instanceof Inet6Address ? "[" + settings.bindAddress().getHostAddress() + "]"
                : settings.bindAddress().getHostAddress();
        return (settings.https() ? "https" : "http") + "://" + host + ":" + port + CONTEXT + "/";
    }

    @Override
    public void stop() {
        info.jolokiaUrl(null);
        if (jolokia != null) {
            try {
                jolokia.stop();
            } catch (RuntimeException alreadyStopped) {
                // The HTTP server below is stopped regardless.
            }
        }
        if (http != null) {
            http.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
