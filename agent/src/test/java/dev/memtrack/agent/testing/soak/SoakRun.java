package dev.memtrack.agent.testing.soak;

import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.load.AttributeCatalog;
import dev.memtrack.agent.testing.load.LoadReport;
import dev.memtrack.agent.testing.load.LoadRun;
import dev.memtrack.agent.testing.load.LoadSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.management.MBeanServerConnection;

/**
 * A soak: light, steady Jolokia activity on a JVM running the agent (the load mix at a low rate:
 * reads of every memtrack MBean, simulator operations) while its footprint is sampled after a full
 * GC every {@link SoakSettings#sampleEvery()}; one more sample once the activity has ended and the
 * clients have undone what they started. The same engine for {@code SoakIT} (a minute) and
 * {@code benchmarks/run-soak.sh} (ten minutes or more).
 */
public final class SoakRun {

    private final JolokiaClient jolokia;
    private final MBeanServerConnection jmx;
    private final SoakSettings settings;

    public SoakRun(JolokiaClient jolokia, MBeanServerConnection jmx, SoakSettings settings) {
        this.jolokia = jolokia;
        this.jmx = jmx;
        this.settings = settings;
    }

    /**
     * Runs the soak.
     *
     * @param progress sees each sample as it is taken (a harness prints them)
     */
    public SoakReport run(Consumer<FootprintSample> progress) throws Exception {
        FootprintProbe probe = new FootprintProbe(jmx);
        LoadSettings load = new LoadSettings(settings.clients(), settings.duration(), settings.ratePerClient(), true, 7);
        LoadRun activity = new LoadRun(jolokia.base(), AttributeCatalog.load(jolokia), load);

        List<FootprintSample> samples = new ArrayList<>();
        samples.add(take(probe, progress));
        CompletableFuture<LoadReport> running = CompletableFuture.supplyAsync(() -> {
            try {
                return activity.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        long step = settings.sampleEvery().toNanos();
        long next = System.nanoTime() + step;
        while (!running.isDone()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    running.get(wait, TimeUnit.NANOSECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException due) {
                    // time for the next sample
                }
            }
            samples.add(take(probe, progress));
            next += step;
        }
        LoadReport loadReport;
        try {
            loadReport = running.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the soak's activity failed", e.getCause());
        }
        samples.add(take(probe, progress));
        return new SoakReport(samples, loadReport);
    }

    private static FootprintSample take(FootprintProbe probe, Consumer<FootprintSample> progress) throws Exception {
        FootprintSample s = probe.sample();
        progress.accept(s);
        return s;
    }
}
