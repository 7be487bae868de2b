package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.config.ConfigProblem;
import dev.memtrack.agent.jmx.AgentBean;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.log.LogEvents;
import dev.memtrack.agent.log.LogSections;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;

/**
 * One running memtrack agent: owns the configuration, the sampler, the subsystems, the Agent MBean
 * and (through its subsystem) the HTTP endpoint. {@link #start()} runs on the agent's start-up
 * thread; {@link #stop()} (shutdown hook) undoes everything in reverse order, whatever state start-up
 * reached. The constructor runs on the application's premain thread and does nothing but keep its
 * arguments.
 */
public final class Agent {

    private final AgentConfig config;
    private final Instrumentation instrumentation;
    private final Path agentJar;
    private final AgentLog log;
    private final String startMode;
    private final long startTimeMillis;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Registrations registrations;
    private volatile Sampler sampler;
    private volatile ExecutorService notifications;
    private volatile ScheduledExecutorService scheduler;
    private volatile Subsystems subsystems;
    private volatile MBeanRegistrar coreMBeans;

    /**
     * @param agentJar  the agent jar, or the class directory the agent runs from (unit tests)
     * @param startMode {@code premain} or {@code attach}
     */
    public Agent(AgentConfig config, Instrumentation instrumentation, Path agentJar, AgentLog log, String startMode,
                 long startTimeMillis) {
        this.config = config;
        this.instrumentation = instrumentation;
        this.agentJar = agentJar;
        this.log = log;
        this.startMode = startMode;
        this.startTimeMillis = startTimeMillis;
    }

    /** Starts everything; every failure is contained in the part it happens in. */
    public void start() {
        try {
            TargetProperties.state("starting");
            AgentInfo info = new AgentInfo(Version.current(), startMode, startTimeMillis);
            System.setProperty(TargetProperties.VERSION, info.version());
            sampler = new Sampler(config.duration(ConfigKey.INTERVAL));
            notifications = Executors.newSingleThreadExecutor(r -> AgentThreads.newThread("memtrack-notifications", r));
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> AgentThreads.newThread("memtrack-scheduler", r));
            SnapshotStore snapshots = new SnapshotStore();
            LogSections logSections = new LogSections();
            LogEvents logEvents = new LogEvents();
            InstrumentationFailures instrumentationFailures = new InstrumentationFailures();
            Optional<Path> jar = Files.isRegularFile(agentJar) ? Optional.of(agentJar) : Optional.empty();
            List<Subsystem> installed = InstalledSubsystems.create(info, logSections, logEvents, log);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            AgentServices services = new AgentServices(config, instrumentation, jar, log, snapshots, sampler,
                    logSections, logEvents, instrumentationFailures, server, notifications, scheduler);
            MBeanRegistrar registrar = new MBeanRegistrar(server, notifications);
            NotificationBroadcasterSupport emitter = registrar.newEmitter(AgentBean.NOTIFICATIONS);
            AgentBean agentBean = new AgentBean(info, config, this::subsystemStatuses, instrumentationFailures,
                    emitter);
            Subsystems all = new Subsystems(installed, services, agentBean::subsystemChanged,
                    System::currentTimeMillis);
            reportConfiguration(all);
            try {
                registrar.register(AgentMXBean.OBJECT_NAME, agentBean, AgentMXBean.class, emitter,
                        AgentBean.NOTIFICATIONS);
            } catch (Exception e) {
                log.warn("the Agent MBean could not be registered: " + AgentLog.describe(e));
            }
            coreMBeans = registrar;
            subsystems = all;
            if (stopped.get()) {
                return;
            }
            all.startAll();
            sampler.start();
            register(info);
            log.info("memtrack " + info.version() + " ready: jolokia " + info.jolokiaUrl().orElse("off")
                    + " mbeans " + MemtrackDomain.DOMAIN + ":*");
            // Last: whoever sees "ready" (an attach client, a program waiting for it) may rely on all of the above.
            TargetProperties.state("ready");
        } catch (Throwable t) {
            log.warn("start-up failed, memtrack is not running: " + AgentLog.describe(t));
            stop();
        }
    }

    /** Stops everything in reverse order. Idempotent and safe at any point of start-up. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Sampler samplerNow = sampler;
        if (samplerNow != null) {
            samplerNow.stop();
        }
        Subsystems s = subsystems;
        if (s != null) {
            s.stopAll();
        }
        MBeanRegistrar r = coreMBeans;
        if (r != null) {
            r.unregisterAll();
        }
        ScheduledExecutorService schedulerNow = scheduler;
        if (schedulerNow != null) {
            schedulerNow.shutdownNow();
        }
        ExecutorService notificationsNow = notifications;
        if (notificationsNow != null) {
            notificationsNow.shutdown();
        }
        TargetProperties.state("stopped");
        withdraw(registrations);
    }

    /** Tells {@code list} that memtrack runs here; without it, list shows this JVM without memtrack. */
    private void register(AgentInfo info) {
        Registrations r = Registrations.forThisUser();
        try {
            r.publish(info.version(), startMode, info.jolokiaUrl());
        } catch (IOException | RuntimeException e) {
            log.warn("this JVM is not registered in " + r.directory() + ", so 'list' will not show "
                    + "memtrack in it (status <pid> will): " + AgentLog.describe(e));
            return;
        }
        registrations = r;
        if (stopped.get()) {
            withdraw(r);
        }
    }

    private static void withdraw(Registrations r) {
        if (r == null) {
            return;
        }
        try {
            r.withdraw();
        } catch (IOException | RuntimeException e) {
            // The next list removes a file whose process is gone.
        }
    }

    private List<SubsystemStatus> subsystemStatuses() {
        Subsystems s = subsystems;
        return s == null ? List.of() : s.statuses();
    }

    private void reportConfiguration(Subsystems all) {
        log.info("configuration: " + config.describe());
        for (String warning : config.warnings()) {
            log.warn(warning);
        }
        for (ConfigProblem problem : config.problems()) {
            String off = problem.invalidKey().map(all::namesUsing).filter(names -> !names.isEmpty())
                    .map(names -> "; " + String.join(", ", names) + (names.size() == 1 ? " stays" : " stay") + " off")
                    .orElse("");
            log.warn(problem.message() + off);
        }
    }
}
