package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/** The memtrack agent itself: version, configuration in effect, and the state of each subsystem. */
@Description("The memtrack agent: version, effective configuration and the state of each subsystem")
public interface AgentMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Agent";

    /** Rows of {@link #getConfiguration()}. */
    RecordTable<ConfigEntry> CONFIGURATION_TABLE =
            RecordTable.of(ConfigEntry.class, "One configuration key in effect", "key");
    /** Rows of {@link #getSubsystems()}. */
    RecordTable<SubsystemStatus> SUBSYSTEM_TABLE =
            RecordTable.of(SubsystemStatus.class, "State of one agent subsystem", "name");
    /** Rows of {@link #getInstrumentationFailures()}. */
    RecordTable<InstrumentationFailure> INSTRUMENTATION_FAILURE_TABLE =
            RecordTable.of(InstrumentationFailure.class, "A class loaded unchanged because it could not be instrumented",
                    "className", "classLoader");

    @Description("memtrack version")
    String getVersion();

    @Description("Java runtime the agent runs in (java.runtime.version)")
    String getJavaVersion();

    @Description("How the agent was started: 'premain' (-javaagent) or 'attach' (loaded into a running JVM)")
    String getStartMode();

    @Units(Units.EPOCH_MILLISECONDS)
    @Description("When the agent started, milliseconds since the epoch")
    long getStartTimeMillis();

    @Units(Units.MILLISECONDS)
    @Description("Time since the agent started")
    long getUptimeMillis();

    @Units(Units.MILLISECONDS)
    @Description("Interval between two samples of the collectors")
    long getSamplingIntervalMillis();

    @Description("URL of the embedded Jolokia HTTP endpoint, or empty when Jolokia is off")
    String getJolokiaUrl();

    @Description("Effective configuration: key, value (secrets redacted) and where the value came from")
    @TableOf(ConfigEntry.class)
    TabularData getConfiguration();

    @Description("Each subsystem (collectors, JMX, Jolokia, log, allocation tracking, policy) and its state; "
            + "a disabled subsystem says why")
    @TableOf(SubsystemStatus.class)
    TabularData getSubsystems();

    @Description("Classes the allocation tracker could not instrument; they were loaded unchanged")
    @TableOf(InstrumentationFailure.class)
    TabularData getInstrumentationFailures();
}
