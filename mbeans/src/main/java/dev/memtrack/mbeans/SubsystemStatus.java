package dev.memtrack.mbeans;

/** State of one agent subsystem. */
public record SubsystemStatus(
        @Description("Subsystem name, e.g. system-collector, jolokia, allocation-tracker") String name,
        @Description("STARTING, RUNNING, DISABLED or STOPPED") SubsystemState state,
        @Description("Why the subsystem is in this state; empty when running normally") String reason,
        @Units(Units.EPOCH_MILLISECONDS) @Description("When it entered this state") long sinceMillis) {
}
