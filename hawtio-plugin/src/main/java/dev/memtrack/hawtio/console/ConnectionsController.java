package dev.memtrack.hawtio.console;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JVMs named on the command line, for the landing page that hands them to Hawtio's Connect. */
@RestController
class ConnectionsController {

    static final String PATH = "/memtrack-console/connections";

    private final ConsoleSettings settings;

    ConnectionsController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GetMapping(path = PATH, produces = "application/json")
    List<ConnectTarget> connections() {
        return settings.targets();
    }
}
