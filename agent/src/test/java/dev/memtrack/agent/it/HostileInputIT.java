package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.CleanErrors;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.HostileValues;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.MemtrackOperations;
import dev.memtrack.agent.testing.MemtrackOperations.Parameter;
import dev.memtrack.agent.testing.MemtrackOperations.Target;
import dev.memtrack.agent.testing.TestJdk;
import dev.memtrack.mbeans.MessageText;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The bad-input campaign: random and hostile arguments (see {@link HostileValues}) at every operation and
 * writable attribute of every memtrack MBean of the demo workload, found with Jolokia's {@code list}
 * (MBeans added later, such as allocation tracking, are covered without a change here), sent as Jolokia
 * requests by QuickTheories and by eight concurrent callers; and one argument too many, and a control
 * character, in every form Jolokia takes an exec in (POST body, GET path, the {@code p} parameter of a GET).
 *
 * <p>Every answer must be a JSON object with a value, or with a one-line error of a refusal (never of a
 * bug such as a NullPointerException) and no stack trace; no request may take longer than
 * {@value #REQUEST_TIMEOUT_SECONDS} s; after each batch the JVM answers {@code version}, has printed no
 * OutOfMemoryError, and at the end its programs still work.
 *
 * <p>Size: {@code -Dmemtrack.hostile.examples} (default {@value #DEFAULT_EXAMPLES}) QuickTheories examples and
 * {@code -Dmemtrack.hostile.concurrentCalls} (default {@value #DEFAULT_CONCURRENT_CALLS}) calls per concurrent
 * caller; raise them to run many more on demand. The counts are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    static final int DEFAULT_EXAMPLES = 320;
    static final int DEFAULT_CONCURRENT_CALLS = 15;
    static final int REQUEST_TIMEOUT_SECONDS = 10;
    private static final int EXAMPLES = Integer.getInteger("memtrack.hostile.examples", DEFAULT_EXAMPLES);
    private static final int CONCURRENT_CALLS = Integer.getInteger("memtrack.hostile.concurrentCalls",
            DEFAULT_CONCURRENT_CALLS);
    private static final int BATCHES = 4;
    private static final int THREADS = 8;
    /** Answers that refuse a value; any other error type is a bug of the agent or of an MBean. */
    private static final Set<String> REFUSALS = Set.of(IllegalArgumentException.class.getName(),
            "org.jolokia.server.core.request.BadRequestException");
    /** A message longer than this echoes the input instead of naming it. */
    private static final int MAX_MESSAGE = 1000;

    /** One call: an operation with its arguments, or an attribute with the value written. */
    record Call(Target target, List<Object> arguments) {

        @Override
        public String toString() {
            String json = JsonWriter.write(arguments);
            return MessageText.safe(target + " " + (json.length() > 300 ? json.substring(0, 300) + "..." : json));
        }
    }

    private static DemoJvm demo;
    private static JolokiaClient jolokia;
    private static List<Target> targets;
    private static final AtomicLong calls = new AtomicLong();
    private static final AtomicLong concurrentCalls = new AtomicLong();
    private static final AtomicLong slowestMillis = new AtomicLong();
    private static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private static long startNanos;

    @BeforeAll
    static void start() {
        demo = DemoJvm.start("interval=500ms");
        jolokia = demo.jolokia().withTimeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS));
        targets = MemtrackOperations.discover(jolokia);
        startNanos = System.nanoTime();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            long mbeans = targets.stream().map(Target::mbean).distinct().count();
            System.out.printf(Locale.ROOT, "[memtrack-it] hostile input (%s): %d calls (%d from QuickTheories, %d from "
                    + "%d concurrent callers) on %d operations and writable attributes of %d MBeans in %.1f s, slowest answer "
                    + "%d ms: %s%n", TestJdk.label(), calls.get(), calls.get() - concurrentCalls.get(),
                    concurrentCalls.get(), THREADS, targets.size(), mbeans, (System.nanoTime() - startNanos) / 1e9,
                    slowestMillis.get(), new TreeMap<>(outcomes));
            demo.close();
        }
    }

    @Test
    @Order(1)
    void everyOperationAndWritableAttributeOfMemtrackIsATarget() {
        assertThat(targets).extracting(Target::toString).contains(
                "memtrack:type=Simulator,name=Paging exec simulate[java.lang.String, int, java.lang.String]",
                "memtrack:type=Simulator,name=Segmentation exec allocate[java.lang.String, long]",
                "memtrack:type=Simulator,name=Stress exec start[int, int, java.lang.String]",
                "memtrack:type=Policy exec setThreshold[java.lang.String, double]",
                "memtrack:type=Policy write Mode[java.lang.String]",
                "memtrack:type=Processes write TopN[int]",
                "memtrack:type=Workload,name=batch-job write Parallelism[int]",
                "memtrack:type=Workload,name=cache-filler write Paused[boolean]");
    }

    @Test
    @Order(2)
    void randomAndHostileArgumentsGetAClearAnswerEveryTime() {
        for (int batch = 0; batch < BATCHES; batch++) {
            qt().withExamples(EXAMPLES / BATCHES).withShrinkCycles(0).forAll(calls()).checkAssert(call -> {
                calls.incrementAndGet();
                assertClearAnswer(call, send(call));
            });
            assertHealthy();
        }
    }

    @Test
    @Order(3)
    void concurrentHostileCallsOnTheSimulatorsAndThePolicyGetClearAnswers() throws Exception {
        List<Target> contended = targets.stream().filter(t -> t.mbean().contains("type=Simulator")
                || t.mbean().equals(PolicyMXBean.OBJECT_NAME)).toList();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(1000L + t);
            callers.execute(() -> {
                for (int i = 0; i < CONCURRENT_CALLS && failures.isEmpty(); i++) {
                    Target target = contended.get(random.nextInt(contended.size()));
                    List<Object> arguments = new ArrayList<>();
                    for (Parameter p : target.parameters()) {
                        arguments.add(HostileValues.pick(p.type(), random));
                    }
                    Call call = new Call(target, arguments);
                    try {
                        calls.incrementAndGet();
                        concurrentCalls.incrementAndGet();
                        assertClearAnswer(call, send(call));
                    } catch (Throwable e) {
                        failures.add(new AssertionError(call + ": " + e.getMessage(), e));
                    }
                }
            });
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(ChildJvm.TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS))
                .as("the callers finished").isTrue();
        assertThat(failures).isEmpty();
        assertHealthy();
    }

    /**
     * Every operation of every memtrack MBean with one argument more than its longest signature takes, sent
     * as Jolokia accepts an exec: POST, GET path, and the {@code p} parameter of a GET (as sent and URL-encoded).
     */
    @Test
    @Order(4)
    void oneArgumentTooManyGetsTheSameAnswerHoweverTheExecIsSent() {
        Map<List<String>, Integer> longest = new LinkedHashMap<>();
        targets.stream().filter(t -> !t.attribute()).forEach(t -> longest.merge(List.of(t.mbean(), t.name()),
                t.parameters().size(), Math::max));
        longest.forEach((operation, taken) -> {
            String mbean = operation.get(0);
            String name = operation.get(1);
            List<String> arguments = new ArrayList<>(Collections.nCopies(taken, "1"));
            arguments.add("extra");
            String path = "/exec/" + mbean + "/" + name + "/" + String.join("/", arguments);
            String posted = CleanErrors.assertError(jolokia.exec(mbean, name, arguments.toArray()), 400, 400);
            assertThat(posted).startsWith("operation " + name + " of ").endsWith(" takes " + taken
                    + (taken == 1 ? " argument" : " arguments") + ", got " + (taken + 1)
                    + "; the first one too many is \"extra\"");
            for (String form : List.of(path.substring(1), "?p=" + path,
                    "?p=" + URLEncoder.encode(path, StandardCharsets.UTF_8))) {
                calls.incrementAndGet();
                assertThat(CleanErrors.assertError(jolokia.send(form, "GET", null, Map.of()), 400, 400)).as(form)
                        .isEqualTo(posted);
            }
            calls.incrementAndGet();
        });
        outcomes.computeIfAbsent("refused one argument too many (POST, GET path, GET ?p= twice)",
                k -> new LongAdder()).add(longest.size() * 4L);
        assertHealthy();
    }

    /** A control character as an argument, however the exec is sent, and in any other query parameter. */
    @Test
    @Order(5)
    void aControlCharacterIsRefusedHoweverTheExecIsSent() {
        String paging = PagingSimulatorMXBean.OBJECT_NAME;
        String posted = CleanErrors.assertError(jolokia.exec(paging, "simulate", "FI\u000BFO", 3, "1,2"), 400, 400);
        assertThat(posted).isEqualTo("the value \"FI\\u000bFO\" contains the control character U+000B, which is "
                + "not accepted; values are text without control characters (tab, line feed and carriage return "
                + "excepted)");
        String path = "/exec/" + paging + "/simulate/FI%0BFO/3/1,2";
        for (String form : List.of(path.substring(1), "?p=" + path, "?p=" + path.replace("%0B", "%250B"),
                "?p=" + URLEncoder.encode("/exec/" + paging + "/simulate/FI\u000BFO/3/1,2", StandardCharsets.UTF_8),
                "exec/" + paging + "/simulate/FIFO/3/1,2?note=FI%0BFO")) {
            calls.incrementAndGet();
            assertThat(CleanErrors.assertError(jolokia.send(form, "GET", null, Map.of()), 400, 400)).as(form)
                    .isEqualTo(posted);
        }
        assertHealthy();
    }

    @Test
    @Order(6)
    void theProgramsStillWorkAfterwards() {
        assertThat(jolokia.write(PolicyMXBean.OBJECT_NAME, "Mode", "ADVISORY").status()).isEqualTo(200);
        assertThat(jolokia.exec(PolicyMXBean.OBJECT_NAME, "undoAll").status()).isEqualTo(200);
        assertThat(jolokia.exec(StressSimulatorMXBean.OBJECT_NAME, "stop").status()).isEqualTo(200);
        for (String program : List.of("request-handler", "batch-job", "cache-filler", "stress-phase")) {
            demo.setParallelism(program, 1);
            assertThat(jolokia.write("memtrack:type=Workload,name=" + program, "Paused", false).status()).isEqualTo(200);
        }
        long done = completedTasks("batch-job");
        Await.until("batch-job completing tasks again", () -> completedTasks("batch-job") > done);
        assertHealthy();
    }

    private static Gen<Call> calls() {
        return Generate.pick(targets).flatMap(target -> arguments(target).map(arguments -> new Call(target, arguments)));
    }

    /** Values for every parameter; now and then one too many or too few. */
    private static Gen<List<Object>> arguments(Target target) {
        List<Gen<Object>> values = new ArrayList<>();
        for (Parameter p : target.parameters()) {
            values.add(HostileValues.forType(p.type()));
        }
        Gen<List<Object>> right = in -> {
            List<Object> arguments = new ArrayList<>();
            for (Gen<Object> g : values) {
                arguments.add(g.generate(in));
            }
            return arguments;
        };
        if (target.attribute()) {
            return right;
        }
        Gen<List<Object>> oneMore = right.map(arguments -> {
            List<Object> more = new ArrayList<>(arguments);
            more.add("extra");
            return more;
        });
        Gen<List<Object>> oneLess = right.map(arguments -> arguments.isEmpty() ? arguments
                : new ArrayList<>(arguments.subList(0, arguments.size() - 1)));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(18, right),
                org.quicktheories.api.Pair.of(1, oneMore), org.quicktheories.api.Pair.of(1, oneLess)));
    }

    private static JolokiaClient.Response send(Call call) {
        Target t = call.target();
        long start = System.nanoTime();
        JolokiaClient.Response r = t.attribute() ? jolokia.write(t.mbean(), t.name(), call.arguments().get(0))
                : jolokia.exec(t.mbean(), t.name(), call.arguments().toArray());
        // A figure for the report, not an assertion: the hang limit is the client's timeout.
        slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        return r;
    }

    private static void assertClearAnswer(Call call, JolokiaClient.Response r) {
        assertThat(r.httpStatus()).as("HTTP status for %s: %s", call, r.body()).isIn(200, 400);
        assertThat(r.json()).as("a JSON object for %s: %s", call, r.body()).isNotEmpty();
        CleanErrors.assertNoInsides(r);
        if (r.status() == 200) {
            outcomes.computeIfAbsent("value", k -> new LongAdder()).increment();
            return;
        }
        String type = String.valueOf(r.json().get("error_type"));
        String error = String.valueOf(r.json().get("error"));
        assertThat(type).as("the error of %s is a refusal, not a bug: %s", call, r.body()).isIn(REFUSALS);
        assertThat(r.status()).as("status of %s: %s", call, r.body()).isEqualTo(r.httpStatus() == 400 ? 400 : 500);
        assertThat(error).as("a message for %s", call).isNotBlank().isNotEqualTo(type).isNotEqualTo("null")
                .doesNotContain("\n");
        assertThat(error.length()).as("a message that names the bad value, not echoes it: %s", error.length() > 300
                ? error.substring(0, 300) + "..." : error).isLessThanOrEqualTo(MAX_MESSAGE);
        assertThat(namesWhatIsRefused(call, error)).as("the message names the operation, attribute or parameter "
                + "refused, or its value: %s", error).isTrue();
        outcomes.computeIfAbsent("refused " + type.substring(type.lastIndexOf('.') + 1), k -> new LongAdder())
                .increment();
    }

    /**
     * Whether a refusal says what it refuses: the operation or attribute, a parameter by name, or a value
     * sent (its start, as long values are cut).
     */
    private static boolean namesWhatIsRefused(Call call, String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.contains(call.target().name().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Parameter p : call.target().parameters()) {
            // "references" is named by "malformed reference '...' at position 7".
            String name = p.name().toLowerCase(Locale.ROOT).replaceAll("s$", "");
            if (!name.isEmpty() && lower.contains(name)) {
                return true;
            }
        }
        for (Object argument : call.arguments()) {
            String text = String.valueOf(argument);
            String json = JsonWriter.write(text);
            // As sent, as a refusal quotes it (MessageText), or as Jolokia's conversion errors quote it (JSON).
            for (String quoted : List.of(text, MessageText.safe(text), json.substring(1, json.length() - 1))) {
                if (!quoted.isBlank() && error.contains(quoted.substring(0, Math.min(quoted.length(), 20)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertHealthy() {
        assertThat(demo.jvm().isAlive()).as("the demo JVM is alive").isTrue();
        assertThat(jolokia.version().status()).as("the demo JVM answers version").isEqualTo(200);
        assertThat(demo.jvm().stderr()).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
        assertThat(demo.jvm().stdout()).doesNotContain("OutOfMemoryError");
    }

    private static long completedTasks(String program) {
        return ((Number) jolokia.read("memtrack:type=Workload,name=" + program, "CompletedTasks").value()).longValue();
    }
}
