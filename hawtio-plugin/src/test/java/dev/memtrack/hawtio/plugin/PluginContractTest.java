package dev.memtrack.hawtio.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.ProcessesMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.SystemMXBean;
import dev.memtrack.mbeans.WorkloadMXBean;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin's view of the JMX contract (src/memtrack/contract.ts and types.ts) matches the MXBean interfaces
 * and records in mbeans/: every ObjectName, attribute, operation signature, limit and row column the pages
 * use exists with that spelling. A rename in the contract fails here instead of as an empty page.
 */
class PluginContractTest {

    private static final Path CONTRACT = Path.of("src/memtrack/contract.ts");
    private static final Path TYPES = Path.of("src/memtrack/types.ts");

    private static final Map<String, Class<?>> MXBEANS = Map.of(
            "Agent", AgentMXBean.class,
            "Heap", HeapMXBean.class,
            "System", SystemMXBean.class,
            "Processes", ProcessesMXBean.class,
            "Allocations", AllocationsMXBean.class,
            "Policy", PolicyMXBean.class,
            "Paging", PagingSimulatorMXBean.class,
            "Segmentation", SegmentationSimulatorMXBean.class,
            "Stress", StressSimulatorMXBean.class,
            "Workload", WorkloadMXBean.class);

    private static final Pattern BLOCK = Pattern.compile("export const (\\w+) = \\{(.*?)\\n} as const", Pattern.DOTALL);
    private static final Pattern OBJECT_NAME = Pattern.compile("objectName: '([^']+)'");
    private static final Pattern ATTR_BLOCK = Pattern.compile("attr: \\{(.*?)\\n {2}}", Pattern.DOTALL);
    private static final Pattern QUOTED_VALUE = Pattern.compile("\\w+: '(\\w+)'");
    private static final Pattern OPERATION = Pattern.compile("op\\('([^']+)'\\)");

    static Stream<String> contractBlocks() throws IOException {
        return blocks().keySet().stream();
    }

    @Test
    void everyMXBeanOfTheContractHasABlock() throws IOException {
        assertThat(blocks().keySet()).containsExactlyInAnyOrderElementsOf(MXBEANS.keySet());
    }

    @ParameterizedTest
    @MethodSource("contractBlocks")
    void objectNameMatches(String block) throws Exception {
        String text = blocks().get(block);
        Class<?> type = MXBEANS.get(block);
        if (type == WorkloadMXBean.class) {
            assertThat(text).contains("pattern: '" + MemtrackDomain.WORKLOAD_PATTERN + "'");
            return;
        }
        Matcher m = OBJECT_NAME.matcher(text);
        assertThat(m.find()).as("%s has an objectName", block).isTrue();
        assertThat(m.group(1)).isEqualTo(type.getField("OBJECT_NAME").get(null));
    }

    @ParameterizedTest
    @MethodSource("contractBlocks")
    void attributesExist(String block) throws IOException {
        Set<String> attributes = attributes(MXBEANS.get(block));
        Matcher attrBlock = ATTR_BLOCK.matcher(blocks().get(block));
        assertThat(attrBlock.find()).as("%s has attributes", block).isTrue();
        List<String> used = all(QUOTED_VALUE, attrBlock.group(1));
        assertThat(used).isNotEmpty();
        assertThat(attributes).as("attributes of %s", MXBEANS.get(block).getSimpleName()).containsAll(used);
    }

    @ParameterizedTest
    @MethodSource("contractBlocks")
    void operationSignaturesExist(String block) throws IOException {
        Set<String> signatures = Arrays.stream(MXBEANS.get(block).getMethods())
                .map(m -> m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toSet());
        assertThat(signatures).containsAll(all(OPERATION, blocks().get(block)));
    }

    @Test
    void limitsAndEnumValuesMatch() throws IOException {
        Map<String, String> b = blocks();
        assertThat(b.get("Paging")).contains("maxFrames: " + PagingSimulatorMXBean.MAX_FRAMES + ",")
                .contains("maxReferences: " + String.format("%,d", PagingSimulatorMXBean.MAX_REFERENCES).replace(',', '_'));
        assertThat(b.get("Processes")).contains("maxTopN: " + ProcessesMXBean.MAX_TOP_N + ",");
        assertThat(SegmentationSimulatorMXBean.MAX_MEMORY_SIZE).isEqualTo(1L << 40);
        assertThat(b.get("Segmentation")).contains("maxMemorySize: 2 ** 40,");
        assertThat(b.get("Allocations")).contains("modes: " + quoted(AllocationMode.values()));
        assertThat(b.get("Policy")).contains("modes: " + quoted(PolicyMode.values()));
        assertThat(b.get("Workload")).contains("priorities: " + quoted(Priority.values()));
    }

    @Test
    void rowTypesHaveTheRecordsFields() throws Exception {
        Map<String, Set<String>> types = rowTypes();
        assertThat(types).hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> type : types.entrySet()) {
            Class<?> record = Class.forName("dev.memtrack.mbeans." + type.getKey());
            Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!components.equals(type.getValue())) {
                problems.add(type.getKey() + ": types.ts has " + type.getValue() + ", the record " + components);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> attributes(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && n.startsWith("get")) {
                names.add(n.substring(3));
            } else if (m.getParameterCount() == 0 && n.startsWith("is") && m.getReturnType() == boolean.class) {
                names.add(n.substring(2));
            }
        }
        return names;
    }

    private static String quoted(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static Map<String, String> blocks() throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(Files.readString(CONTRACT));
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    private static Map<String, Set<String>> rowTypes() throws IOException {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Matcher m = Pattern.compile("export type (\\w+) = \\{(.*?)\\n}", Pattern.DOTALL).matcher(Files.readString(TYPES));
        while (m.find()) {
            types.put(m.group(1), new LinkedHashSet<>(all(Pattern.compile("\\n {2}(\\w+):"), m.group(2))));
        }
        return types;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
