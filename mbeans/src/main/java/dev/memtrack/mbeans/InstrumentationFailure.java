package dev.memtrack.mbeans;

/** A class the allocation tracker left unchanged because instrumenting it failed. */
public record InstrumentationFailure(
        @Description("Binary name of the class") String className,
        @Description("Its class loader, as Class.getClassLoader().toString() or 'bootstrap'") String classLoader,
        @Description("Why it could not be instrumented") String reason) {
}
