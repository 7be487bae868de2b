package dev.memtrack.hawtio.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hawt.web.plugin.PluginServlet;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

import org.apache.catalina.Context;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin WAR deployed in a servlet container next to Hawtio's own plugin servlet (the one every Hawtio 5
 * WAR console uses to build its {@code /plugin} list): the console lists memtrack and the WAR serves the
 * remote entry it points at; undeploying the WAR removes it from the list.
 */
class PluginWarIT {

    private static final Path WAR = Path.of(System.getProperty("memtrack.plugin.war", "target/memtrack-plugin.war"));

    @Test
    void hawtioListsThePluginWhileTheWarIsDeployed(@TempDir Path base) throws Exception {
        assertThat(WAR).as("the plugin WAR is built").isRegularFile();
        ObjectName name = new ObjectName(MemtrackPlugin.OBJECT_NAME);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Path webapps = Files.createDirectories(base.resolve("webapps"));
        tomcat.getHost().setAppBase(webapps.toString());

        Context plugin = tomcat.addWebapp("/memtrack-plugin", WAR.toAbsolutePath().toString());
        Tomcat.addServlet(plugin, "default", new DefaultServlet());
        plugin.addServletMappingDecoded("/", "default");
        Context hawtio = tomcat.addContext("/hawtio", Files.createDirectories(base.resolve("hawtio")).toString());
        Tomcat.addServlet(hawtio, "plugin", new PluginServlet());
        hawtio.addServletMappingDecoded("/plugin", "plugin");

        tomcat.start();
        try {
            String root = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
            HttpClient http = HttpClient.newHttpClient();

            JsonNode plugins = new ObjectMapper().readTree(get(http, root + "/hawtio/plugin").body());
            JsonNode memtrack = plugins.get(0);
            assertThat(plugins).hasSize(1);
            assertThat(memtrack.get("url").asText()).isEqualTo("/memtrack-plugin");
            assertThat(memtrack.get("scope").asText()).isEqualTo("memtrack");
            assertThat(memtrack.get("module").asText()).isEqualTo("./plugin");
            assertThat(memtrack.get("remoteEntryFileName").asText()).isEqualTo("remoteEntry.js");
            assertThat(memtrack.get("bustRemoteEntryCache").asBoolean()).isTrue();
            assertThat(memtrack.get("pluginEntry").asText()).isEqualTo("plugin");

            HttpResponse<String> entry = get(http, root + memtrack.get("url").asText() + "/remoteEntry.js");
            assertThat(entry.statusCode()).isEqualTo(200);
            assertThat(entry.body()).contains("memtrack");
            assertThat(get(http, root + "/memtrack-plugin/WEB-INF/web.xml").statusCode()).isEqualTo(404);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name))
                .as("undeploying the WAR unregisters the plugin").isFalse();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
