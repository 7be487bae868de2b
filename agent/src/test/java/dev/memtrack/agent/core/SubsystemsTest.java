package dev.memtrack.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.jmx.HeapBean;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.log.LogEvents;
import dev.memtrack.agent.log.LogSections;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubsystemsTest {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final Sampler sampler = new Sampler(Duration.ofSeconds(1));
    private final LogSections sections = new LogSections();
    private final List<SubsystemStatus> events = new CopyOnWriteArrayList<>();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private Subsystems subsystems(AgentConfig config, Subsystem... all) {
        AgentServices services = new AgentServices(config, null, Optional.empty(), log, new SnapshotStore(), sampler,
                sections, new LogEvents(), new InstrumentationFailures(), server, Runnable::run, scheduler);
        return new Subsystems(List.of(all), services, events::add, () -> 42L);
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** A subsystem whose start and interval task do what the test says. */
    private final class Probe implements Subsystem {
        private final String name;
        private final Runnable onStart;
        private final Runnable onTick;
        private final Set<ConfigKey> keys;

        Probe(String name, Runnable onStart, Runnable onTick, Set<ConfigKey> keys) {
            this.name = name;
            this.onStart = onStart;
            this.onTick = onTick;
            this.keys = keys;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<ConfigKey> configKeys() {
            return keys;
        }

        @Override
        public void start(AgentContext context) throws Exception {
            context.mbeans().register(HeapMXBean.OBJECT_NAME, new HeapBean(() -> null), HeapMXBean.class);
            context.addLogSection(name, () -> "x");
            onStart.run();
            context.everyInterval(onTick);
        }

        @Override
        public void stop() {
            stopped.add(name);
        }
    }

    private static Runnable nothing() {
        return () -> { };
    }

    @Test
    void healthySubsystemsRunAndStopInReverseOrder() {
        Subsystems s = subsystems(AgentConfig.defaults(),
                new Probe("first", nothing(), nothing(), Set.of()), new Subsystem() {
                    @Override
                    public String name() {
                        return "second";
                    }

                    @Override
                    public void start(AgentContext context) {
                    }

                    @Override
                    public void stop() {
                        stopped.add("second");
                    }
                });

        s.startAll();
        assertThat(s.statuses()).extracting(SubsystemStatus::state)
                .containsExactly(SubsystemState.RUNNING, SubsystemState.RUNNING);
        assertThat(server.isRegistered(MemtrackDomain.objectName(HeapMXBean.OBJECT_NAME))).isTrue();

        s.stopAll();
        assertThat(stopped).containsExactly("second", "first");
        assertThat(s.statuses()).extracting(SubsystemStatus::state)
                .containsExactly(SubsystemState.STOPPED, SubsystemState.STOPPED);
        assertThat(server.isRegistered(MemtrackDomain.objectName(HeapMXBean.OBJECT_NAME))).isFalse();
        assertThat(sections.sections()).isEmpty();
    }

    @Test
    void failedStartDisablesOnlyThatSubsystemWithItsReason() {
        Subsystems s = subsystems(AgentConfig.defaults(),
                new Probe("broken", () -> {
                    throw new IllegalStateException("no disk");
                }, nothing(), Set.of()),
                new Subsystem() {
                    @Override
                    public String name() {
                        return "healthy";
                    }

                    @Override
                    public void start(AgentContext context) {
                    }

                    @Override
                    public void stop() {
                    }
                });

        s.startAll();

        assertThat(s.status("broken")).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(SubsystemState.DISABLED);
            assertThat(st.reason()).isEqualTo("failed to start: IllegalStateException: no disk");
            assertThat(st.sinceMillis()).isEqualTo(42L);
        });
        assertThat(s.status("healthy")).map(SubsystemStatus::state).hasValue(SubsystemState.RUNNING);
        assertThat(stopped).containsExactly("broken");
        assertThat(server.isRegistered(MemtrackDomain.objectName(HeapMXBean.OBJECT_NAME))).isFalse();
        assertThat(logText()).isEqualTo("[memtrack] warning: broken disabled: failed to start: IllegalStateException: "
                + "no disk; the application and the rest of memtrack keep running" + System.lineSeparator());
        assertThat(events).extracting(SubsystemStatus::name, SubsystemStatus::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken", SubsystemState.STARTING),
                org.assertj.core.groups.Tuple.tuple("broken", SubsystemState.DISABLED),
                org.assertj.core.groups.Tuple.tuple("healthy", SubsystemState.STARTING),
                org.assertj.core.groups.Tuple.tuple("healthy", SubsystemState.RUNNING));
    }

    @Test
    void failingIntervalTaskDisablesItsSubsystemOnceAndStopsRunning() {
        List<String> ticks = new ArrayList<>();
        Subsystems s = subsystems(AgentConfig.defaults(), new Probe("flaky", nothing(), () -> {
            ticks.add("tick");
            throw new IllegalArgumentException("bad counter");
        }, Set.of()));
        s.startAll();

        sampler.runTasks();
        sampler.runTasks();

        assertThat(ticks).hasSize(1);
        assertThat(s.status("flaky")).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(SubsystemState.DISABLED);
            assertThat(st.reason()).isEqualTo("failed while sampling: IllegalArgumentException: bad counter");
        });
        assertThat(logText().lines()).hasSize(1);
        assertThat(server.isRegistered(MemtrackDomain.objectName(HeapMXBean.OBJECT_NAME))).isFalse();
        assertThat(sections.sections()).isEmpty();
    }

    @Test
    void failingScheduledTaskDisablesItsSubsystemAndStopCancelsTheRest() throws InterruptedException {
        CountDownLatch disabled = new CountDownLatch(1);
        AtomicInteger healthyRuns = new AtomicInteger();
        AgentServices services = new AgentServices(AgentConfig.defaults(), null, Optional.empty(), log,
                new SnapshotStore(), sampler, sections, new LogEvents(), new InstrumentationFailures(), server,
                Runnable::run, scheduler);
        Subsystem failing = new Subsystem() {
            @Override
            public String name() {
                return "periodic";
            }

            @Override
            public void start(AgentContext context) {
                context.scheduleEvery(Duration.ofMillis(5), () -> {
                    throw new IllegalStateException("tick failed");
                });
            }

            @Override
            public void stop() {
            }
        };
        Subsystem healthy = new Subsystem() {
            @Override
            public String name() {
                return "healthy";
            }

            @Override
            public void start(AgentContext context) {
                context.scheduleEvery(Duration.ofMillis(5), healthyRuns::incrementAndGet);
            }

            @Override
            public void stop() {
            }
        };
        Subsystems s = new Subsystems(List.of(failing, healthy), services, status -> {
            if (status.state() == SubsystemState.DISABLED) {
                disabled.countDown();
            }
        }, () -> 42L);

        s.startAll();

        assertThat(disabled.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(s.status("periodic")).map(SubsystemStatus::reason).hasValue("failed: IllegalStateException: tick failed");
        s.stopAll();
        int runsAtStop = healthyRuns.get();
        Thread.sleep(50);
        assertThat(healthyRuns.get()).isLessThanOrEqualTo(runsAtStop + 1);
    }

    @Test
    void invalidValueOfAKeyItReadsKeepsTheSubsystemOff() {
        AgentConfig config = AgentConfig.parse("processes.top=0", Map.of(), Map.of());
        Subsystems s = subsystems(config,
                new Probe("processes", nothing(), nothing(), Set.of(ConfigKey.PROCESSES_TOP)));

        s.startAll();

        assertThat(s.status("processes")).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo(SubsystemState.DISABLED);
            assertThat(st.reason()).isEqualTo("invalid configuration: invalid value '0' for processes.top "
                    + "(agent-argument): expected an integer from 1 to 500");
        });
        assertThat(s.namesUsing(ConfigKey.PROCESSES_TOP)).containsExactly("processes");
        assertThat(stopped).isEmpty();
    }

    @Test
    void stopDuringStartUpStopsWhatStartedAndStartsNothingMore() {
        Subsystems[] holder = new Subsystems[1];
        Subsystems s = subsystems(AgentConfig.defaults(),
                new Probe("first", () -> holder[0].stopAll(), nothing(), Set.of()),
                new Probe("never", nothing(), nothing(), Set.of()));
        holder[0] = s;

        s.startAll();

        assertThat(s.status("first")).map(SubsystemStatus::state).hasValue(SubsystemState.STOPPED);
        assertThat(s.status("never")).map(SubsystemStatus::reason).hasValue("agent stopped before it started");
        assertThat(stopped).containsExactly("first");
    }
}
