package dev.memtrack.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.MemtrackDomain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command and every class of bad argument, run in-process through {@link Cli#run}. */
class CliTest {

    private static final String TEXTBOOK = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pagingPrintsOneJsonObject() {
        Result r = run("paging", "--algorithm", "LRU", "--frames", "3", "--refs", "7,0,1,2,0", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("{\"algorithm\":\"LRU\",\"frames\":3,\"scope\":\"GLOBAL\",\"references\":5,"
                + "\"faults\":4,\"hits\":1,\"hitRatio\":0.2,\"evictions\":1,\"processes\":[{\"process\":\"P\","
                + "\"references\":5,\"faults\":4,\"hits\":1,\"hitRatio\":0.2,\"evictions\":1}]}" + System.lineSeparator());
    }

    @Test
    void pagingComparesEveryAlgorithm() {
        Result json = run("paging", "--compare", "--frames", "3", "--refs", TEXTBOOK, "--json");
        Result text = run("paging", "--compare", "--frames", "3", "--refs", TEXTBOOK);

        assertThat(json.code()).isZero();
        assertThat(json.out()).startsWith("{\"frames\":3,\"references\":20,\"results\":[")
                .contains("{\"algorithm\":\"FIFO\",\"references\":20,\"faults\":15,")
                .contains("{\"algorithm\":\"LRU\",\"references\":20,\"faults\":12,")
                .contains("{\"algorithm\":\"OPT\",\"references\":20,\"faults\":9,")
                .contains("\"algorithm\":\"RANDOM\"");
        assertThat(text.out()).containsPattern("FIFO +15 +5 +0\\.250 +12");
    }

    @Test
    void pagingCurveMarksBeladysAnomaly() {
        Result r = run("paging", "--curve", "--algorithm", "FIFO", "--frames", "4", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("3 +9\\R").containsPattern("4 +10 +<- more frames, more faults");
        assertThat(run("paging", "--curve", "--algorithm", "FIFO", "--frames", "4", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5",
                "--json").out()).contains("{\"frames\":3,\"faults\":9},{\"frames\":4,\"faults\":10}");
    }

    @Test
    void pagingTraceShowsEveryReference() {
        Result text = run("paging", "--algorithm", "FIFO", "--frames", "2", "--refs", "1 2 3 1", "--trace");
        Result json = run("paging", "--algorithm", "FIFO", "--frames", "2", "--refs", "1 2 3 1", "--trace", "--json");

        assertThat(text.out().lines()).hasSize(5);
        assertThat(text.out()).contains("evicted 1").contains("FIFO with 2 frames: 4 faults");
        assertThat(json.out()).contains("{\"step\":3,\"process\":\"P\",\"page\":3,\"hit\":false,\"frame\":0,"
                + "\"evicted\":\"1\",\"frames\":[\"3\",\"2\"]}");
    }

    @Test
    void pagingWithLocalScopeReportsEachProcess() {
        Result r = run("paging", "--algorithm", "LRU", "--frames", "2", "--refs", "A:1,B:1,A:2,A:3,B:1",
                "--scope", "local", "--allocation", "EQUAL");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(LOCAL, EQUAL) over 5 references: 4 faults")
                .contains("A: 3 references, 3 faults").contains("B: 2 references, 1 faults");
    }

    @Test
    void segmentationPrintsResultsAndHolesAsJson() {
        Result r = run("segmentation", "--memory", "1000", "--strategy", "BEST_FIT", "--ops",
                "alloc A 212,alloc B 417,free A,compact", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"memory\":1000,\"strategy\":\"BEST_FIT\",\"results\":["
                + "{\"op\":\"alloc\",\"name\":\"A\",\"size\":212,\"base\":0},"
                + "{\"op\":\"alloc\",\"name\":\"B\",\"size\":417,\"base\":212},"
                + "{\"op\":\"free\",\"name\":\"A\",\"size\":212,\"base\":0},"
                + "{\"op\":\"compact\",\"name\":null,\"size\":0,\"base\":-1,\"moved\":1}],"
                + "\"holes\":[[417,583]],");
    }

    @Test
    void segmentationReportsWhatDoesNotFitAndTranslations() {
        Result r = run("segmentation", "--memory", "100", "--strategy", "first_fit", "--ops",
                "alloc P1/code 60, alloc P1/data 50, translate P1/code 59, translate P1/code 60");
        Result json = run("segmentation", "--memory", "100", "--strategy", "FIRST_FIT", "--ops",
                "alloc A 60,alloc B 50", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("alloc P1/data 50 +-> does not fit: no hole of 50 bytes")
                .contains("-> physical address 59")
                .contains("-> protection fault: offset 60 is outside segment P1/code (limit 60)")
                .contains("failed allocations 1");
        assertThat(json.out()).contains("{\"op\":\"alloc\",\"name\":\"B\",\"size\":50,\"base\":-1}")
                .contains("\"holes\":[[60,40]]");
    }

    @Test
    void stressRunsAndReleases() {
        Result r = run("stress", "--target-mb", "4", "--rate-mb", "64", "--pattern", "steady", "--seconds", "1",
                "--cap-mb", "8");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("stress STEADY: target 4 MiB at 64 MiB/s for 1 s (cap 8 MiB)")
                .containsPattern("   1s [A-Z]+ +retained +[0-4] MiB  allocated +[0-4] MiB")
                .containsPattern("stopped: retained 0 MiB, allocated [0-4] MiB in all");
    }

    @Test
    void demoRunsItsProgramsAndUnregistersThem() throws Exception {
        Result r = run("demo", "--seconds", "1");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("request-handler", "batch-job", "cache-filler", "stress-phase")
                .containsPattern("\\[\\d+s] heap \\d+/\\d+ MiB \\| request-handler").contains("demo stopped");
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName(MemtrackDomain.WORKLOAD_PATTERN), null)).isEmpty();
    }

    @Test
    void helpListsTheCommandsAndTheirOptions() {
        Result all = run("--help");
        Result paging = run("paging", "--help");

        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("paging", "segmentation", "stress", "demo", "exit codes");
        assertThat(paging.code()).isZero();
        assertThat(paging.out()).contains("--algorithm", "accepted: FIFO, LRU, OPT, CLOCK, LFU, RANDOM");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "''                                                          | missing command: accepted paging, segmentation, stress, demo (see --help)",
        "bogus                                                       | unknown command 'bogus': accepted paging, segmentation, stress, demo, --help",
        "paging --algorithm MRU --frames 3 --refs 1                  | bad value for --algorithm: unknown algorithm 'MRU': accepted FIFO, LRU, OPT, CLOCK, LFU, RANDOM",
        "paging --algorithm LRU --frames 0 --refs 1                  | bad value for --frames: '0' (accepted: an integer 1 to 4096)",
        "paging --algorithm LRU --frames -3 --refs 1                 | bad value for --frames: '-3' (accepted: an integer 1 to 4096)",
        "paging --algorithm LRU --frames three --refs 1              | bad value for --frames: 'three' (accepted: an integer 1 to 4096)",
        "paging --algorithm LRU --frames 3 --refs 7,0,7x             | bad value for --refs: malformed reference '7x' at position 3: expected a page number >= 0 or process:page",
        "paging --algorithm LRU --frames 3 --refs 1 --colour         | unknown option '--colour' for paging: accepted --algorithm, --allocation, --compare, --curve, --frames, --json, --refs, --scope, --seed, --trace",
        "paging --algorithm LRU --frames                             | missing value for --frames (accepted: an integer 1 to 4096)",
        "paging --frames 3 --refs 1                                  | missing option --algorithm for paging (accepted: FIFO, LRU, OPT, CLOCK, LFU, RANDOM)",
        "paging --algorithm LRU --frames 3 --frames 4 --refs 1       | option --frames is given twice",
        "paging LRU                                                  | unexpected argument 'LRU' for paging: options start with -- (--algorithm, --allocation, --compare, --curve, --frames, --json, --refs, --scope, --seed, --trace)",
        "paging --compare --algorithm LRU --frames 3 --refs 1        | --compare runs every algorithm: leave out --algorithm",
        "paging --algorithm LRU --frames 3 --refs 1 --allocation EQUAL | --allocation divides frames among processes under LOCAL scope: add --scope LOCAL",
        "paging --algorithm LRU --frames 3 --refs 1 --scope WIDE     | bad value for --scope: unknown scope 'WIDE': accepted GLOBAL, LOCAL",
        "paging --algorithm LRU --frames 1 --refs A:1,B:1 --scope LOCAL | bad value for --frames: '1' (LOCAL replacement needs at least one frame per process: 1 frames for 2 processes)",
        "segmentation --memory 100 --strategy FIRST_FIT --ops 'alloc A -5' | bad value for --ops: op 1 'alloc A -5': size must be an integer > 0",
        "segmentation --memory 100 --strategy FIRST_FIT --ops 'alloc A 5,free B' | bad value for --ops: op 2 'free B': no segment named 'B' is allocated",
        "segmentation --memory 100 --strategy FIRST_FIT --ops 'alloc A 5,alloc A 6' | bad value for --ops: op 2 'alloc A 6': segment A is already allocated; free it first",
        "segmentation --memory 100 --strategy FIRST_FIT --ops 'alloc A' | bad value for --ops: op 1 'alloc A': expected alloc NAME SIZE",
        "segmentation --memory 100 --strategy FIRST_FIT --ops 'grow A 5' | bad value for --ops: op 1 'grow A 5': unknown operation 'grow' (accepted: operations separated by commas: alloc NAME SIZE, free NAME, compact, translate NAME OFFSET)",
        "segmentation --memory 0 --strategy FIRST_FIT --ops compact  | bad value for --memory: '0' (accepted: an integer 1 to 1099511627776)",
        "segmentation --memory 10 --strategy BUDDY --ops compact     | bad value for --strategy: unknown strategy 'BUDDY': accepted FIRST_FIT, BEST_FIT, WORST_FIT, NEXT_FIT",
        "stress --target-mb 9 --rate-mb 1 --cap-mb 8                 | bad value for --target-mb: target 9 MiB (9437184 bytes) exceeds the safety cap of 8 MiB (8388608 bytes); choose a target up to the cap",
        "stress --target-mb 4 --rate-mb 0                            | bad value for --rate-mb: '0' (accepted: an integer > 0)",
        "stress --target-mb 4 --rate-mb 1 --pattern zigzag           | bad value for --pattern: unknown pattern 'zigzag': accepted STEADY, RAMP, SPIKE, SAWTOOTH",
        "demo --seconds 0                                            | bad value for --seconds: '0' (accepted: an integer 1 to 31536000)",
    })
    void badArgumentsExitWithTwoAndOneLineNamingTheValue(String commandLine, String message) {
        Result r = run(split(commandLine));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + message + System.lineSeparator());
    }

    /** Splits on spaces, keeping 'quoted parts' together. */
    private static String[] split(String commandLine) {
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine);
        while (m.find()) {
            String arg = m.group(1) != null ? m.group(1) : m.group(2);
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        return args.toArray(String[]::new);
    }
}
