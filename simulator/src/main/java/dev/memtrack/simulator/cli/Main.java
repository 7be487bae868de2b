package dev.memtrack.simulator.cli;

/** Entry point of {@code memtrack-simulator.jar}: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli().run(args, System.out, System.err));
    }
}
