package dev.memtrack.hawtio.console;

import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints the one line a user needs once the console serves requests: the address to open. */
@Component
class ConsoleReadyLine implements ApplicationListener<ApplicationReadyEvent> {

    private final ConsoleSettings settings;

    ConsoleReadyLine(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        System.out.println(line(settings, port));
        System.out.flush();
    }

    static String line(ConsoleSettings settings, int port) {
        String address = settings.address().contains(":") ? "[" + settings.address() + "]" : settings.address();
        String jvms = settings.targets().isEmpty()
                ? "no JVM given (--memtrack.connect=URL); use Connect in the console"
                : settings.targets().stream().map(t -> t.name() + " " + t.url()).collect(Collectors.joining(", "));
        return "memtrack console: open http://" + address + ":" + port + "/  (JVMs: " + jvms + ")";
    }
}
