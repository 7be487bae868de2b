package dev.memtrack.agent.testing.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@link LoadSettings#clients()} client threads against a Jolokia endpoint for the settings'
 * duration, each with its own {@link KeepAliveConnection} and {@link ClientMix}, and reports latency
 * and errors per kind of request.
 *
 * <p>Latency is the service time a client sees: from writing the request to having read the whole
 * answer. Paced clients also record how late they were for their schedule ({@code lag}): the cost of
 * running many client threads on a small machine, which the service time does not include.
 */
public final class LoadRun {

    private static final int ERROR_SAMPLES = 10;

    private final URI endpoint;
    private final AttributeCatalog catalog;
    private final LoadSettings settings;

    public LoadRun(URI endpoint, AttributeCatalog catalog, LoadSettings settings) {
        this.endpoint = endpoint;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** Runs the load on the calling thread's behalf; returns when every client has finished. */
    public LoadReport run() throws InterruptedException {
        List<ClientStats> stats = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(settings.clients());
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int i = 0; i < settings.clients(); i++) {
            ClientStats s = new ClientStats();
            stats.add(s);
            int client = i;
            Thread t = new Thread(() -> client(client, s, ready, go, window), "load-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long cpuBefore = processCpuNanos();
        window[0] = System.nanoTime();
        window[1] = window[0] + settings.duration().toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wallNanos = System.nanoTime() - window[0];
        long cpuNanos = processCpuNanos() - cpuBefore;
        return LoadReport.merge(settings, stats, wallNanos, cpuNanos);
    }

    private void client(int client, ClientStats stats, CountDownLatch ready, CountDownLatch go, long[] window) {
        ClientMix mix = new ClientMix(catalog, client, settings.seed() * 1_000_003L + client,
                settings.simulatorOperations());
        try (KeepAliveConnection connection = new KeepAliveConnection(endpoint)) {
            ready.countDown();
            go.await();
            long end = window[1];
            long period = settings.paced() ? (long) (1e9 / settings.ratePerClient()) : 0;
            long next = window[0] + (period > 0 ? new SplittableRandom(client).nextLong(period) : 0);
            while (true) {
                if (period > 0) {
                    long now;
                    while ((now = System.nanoTime()) < next) {
                        LockSupport.parkNanos(next - now);
                    }
                    stats.lag.record(TimeUnit.NANOSECONDS.toMicros(now - next), true);
                    next += period;
                    if (now - next > TimeUnit.SECONDS.toNanos(1)) {
                        next = now; // far behind: do not send a burst to catch up
                    }
                    if (now >= end) {
                        break;
                    }
                } else if (System.nanoTime() >= end) {
                    break;
                }
                send(connection, mix.next(), mix, stats);
            }
            for (LoadRequest undo : mix.cleanUp()) {
                send(connection, undo, mix, stats);
            }
            stats.reconnects = connection.reconnects();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(KeepAliveConnection connection, LoadRequest request, ClientMix mix, ClientStats stats) {
        long start = System.nanoTime();
        AnswerCheck.Verdict verdict;
        try {
            KeepAliveConnection.Answer answer = connection.post(request.body());
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            verdict = AnswerCheck.check(request, answer);
            stats.record(request, micros, verdict);
        } catch (IOException | RuntimeException e) {
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            verdict = AnswerCheck.Verdict.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            stats.record(request, micros, verdict);
        }
        mix.answered(request, verdict.succeeded(), verdict.value());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** What one client saw; read by the main thread after the client's thread ended. */
    static final class ClientStats {
        final Map<RequestKind, KindStats> kinds = new EnumMap<>(RequestKind.class);
        final KindStats lag = new KindStats();
        final List<String> errorSamples = new ArrayList<>();
        int reconnects;

        void record(LoadRequest request, long micros, AnswerCheck.Verdict verdict) {
            kinds.computeIfAbsent(request.kind(), k -> new KindStats()).record(micros, verdict.succeeded());
            if (!verdict.succeeded() && errorSamples.size() < ERROR_SAMPLES) {
                errorSamples.add(request.kind().label() + ": " + verdict.error() + " <- " + abbreviate(request.text()));
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 160 ? text : text.substring(0, 160) + "...";
        }
    }
}
