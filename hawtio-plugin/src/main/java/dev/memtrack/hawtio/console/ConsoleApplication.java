package dev.memtrack.hawtio.console;

import dev.memtrack.hawtio.plugin.MemtrackPlugin;

import io.hawt.springboot.HawtioPlugin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * memtrack's Hawtio console: Hawtio 5 on Spring Boot with memtrack's plugin, listening on 127.0.0.1, and told
 * on the command line which JVMs to connect to ({@code --memtrack.connect=[name=]URL}, repeatable). Prints
 * one line with the address to open.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ConsoleApplication.class);
        try {
            application.run(args);
        } catch (RuntimeException e) {
            // Spring Boot has already explained the failure (for bad options without a stack trace).
            System.exit(1);
        }
    }

    @Bean
    ConsoleSettings consoleSettings(Environment environment) {
        return ConsoleSettings.from(environment);
    }

    /** The plugin files are on the classpath under static/memtrack-plugin, served at /memtrack-plugin/. */
    @Bean
    HawtioPlugin memtrackPlugin() {
        HawtioPlugin plugin = new HawtioPlugin(MemtrackPlugin.SCOPE, MemtrackPlugin.MODULE, MemtrackPlugin.CONSOLE_PATH);
        plugin.setRemoteEntryFileName(MemtrackPlugin.REMOTE_ENTRY_FILE_NAME);
        plugin.setPluginEntry(MemtrackPlugin.PLUGIN_ENTRY);
        plugin.setBustRemoteEntryCache(true);
        return plugin;
    }

    @Bean
    FilterRegistrationBean<LocalRequestFilter> localRequestFilter(ConsoleSettings settings) {
        FilterRegistrationBean<LocalRequestFilter> registration = new FilterRegistrationBean<>(new LocalRequestFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // With authentication on, Hawtio's login and session checks guard the console instead.
        registration.setEnabled(!settings.authenticationEnabled());
        return registration;
    }
}
