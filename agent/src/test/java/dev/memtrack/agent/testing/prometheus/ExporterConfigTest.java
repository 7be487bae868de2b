package dev.memtrack.agent.testing.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.SystemMXBean;
import dev.memtrack.mbeans.TableOf;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped exporter configuration against the JMX contract in {@code mbeans/}, without a JVM: every
 * rule's Source names an MBean of the contract, an attribute that MBean has and, where given, an item
 * of that attribute's composite or row type. {@code PrometheusExporterIT} compares the values of the
 * MBeans a running agent registers; this is what keeps the rules of the others (allocation tracking,
 * before it is part of the agent) from naming attributes that do not exist.
 */
class ExporterConfigTest {

    /** Each MBean interface of the contract under its ObjectName (a workload stands for all of them). */
    private static final Map<ObjectName, Class<?>> CONTRACT = contract();

    // $n in a Source refers to the n-th group of the rule's pattern.
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9]+(\\|[A-Za-z0-9]+)*");

    private static ExporterConfig config;

    @BeforeAll
    static void read() throws IOException {
        config = ExporterConfig.read(ExporterConfig.path());
    }

    private static Map<ObjectName, Class<?>> contract() {
        Map<ObjectName, Class<?>> c = new LinkedHashMap<>();
        for (Class<?> type : List.of(AgentMXBean.class, AllocationsMXBean.class, HeapMXBean.class, SystemMXBean.class,
                ProcessesMXBean.class, PolicyMXBean.class, PagingSimulatorMXBean.class,
                SegmentationSimulatorMXBean.class, StressSimulatorMXBean.class)) {
            try {
                c.put(MemtrackDomain.objectName((String) type.getField("OBJECT_NAME").get(null)), type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " has no OBJECT_NAME", e);
            }
        }
        c.put(MemtrackDomain.workload("any-program"), WorkloadMXBean.class);
        return c;
    }

    @Test
    void everyRuleNamesAnAttributeAndItemOfTheContract() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ExporterConfig.Rule rule : config.rules()) {
            for (String help : expand(rule)) {
                checked++;
                String problem = problem(help);
                if (problem != null) {
                    problems.add(rule.name() + ": " + problem);
                }
            }
        }
        assertThat(checked).as("sources checked").isGreaterThanOrEqualTo(config.rules().size());
        assertThat(problems).as("rules whose Source is not in the contract").isEmpty();
    }

    @Test
    void allocationTrackingIsCoveredAlthoughNoAgentOfThisBranchRegistersIt() {
        List<MetricSource> sources = config.rules().stream().flatMap(r -> expand(r).stream())
                .map(help -> MetricSource.fromHelp(help.replaceAll("\\$(\\d)", "ANY$1")).orElseThrow())
                .filter(s -> s.matches(MemtrackDomain.objectName(AllocationsMXBean.OBJECT_NAME))).toList();
        // The values a dashboard needs from allocation tracking: totals, rates and the three top tables.
        assertThat(sources).extracting(MetricSource::attribute).contains("TotalAllocatedBytes",
                "AllocationRateBytesPerSecond", "TrackedAllocatedBytes", "UnattributedBytes", "Mode", "TopSites",
                "TopTypes", "TopThreads");
        assertThat(sources).extracting(MetricSource::describe).contains(
                "memtrack:type=Allocations TopSites{rank}.bytes", "memtrack:type=Allocations TopThreads{rank}.bytes");
    }

    @Test
    void aSourceThatIsNotInTheContractIsFound() {
        assertThat(problem("x. Source: memtrack:type=Heap HeapUsedBytez")).contains("HeapUsedBytez");
        assertThat(problem("x. Source: memtrack:type=Heap MemoryPools{pool}.usedBytez")).contains("usedBytez");
        assertThat(problem("x. Source: memtrack:type=Nothing Foo")).contains("no MBean");
        assertThat(problem("x. Source: memtrack:type=Heap HeapUsedBytes")).isNull();
    }

    /**
     * The rule's HELP once per value of each {@code $n} whose group is a list of words
     * ({@code (Sites|Types)}); other groups stay as {@code $n}, matched as any word.
     */
    private static List<String> expand(ExporterConfig.Rule rule) {
        List<String> helps = new ArrayList<>(List.of(rule.help()));
        List<String> groups = groups(rule.pattern());
        Matcher m = GROUP_REFERENCE.matcher(rule.help());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String group = n <= groups.size() ? groups.get(n - 1) : "";
            if (WORDS.matcher(group).matches()) {
                List<String> expanded = new ArrayList<>();
                for (String h : helps) {
                    for (String word : group.split("\\|")) {
                        expanded.add(h.replace("$" + n, word));
                    }
                }
                helps = expanded;
            }
        }
        return helps;
    }

    /** The text of each capturing group of a regular expression, in order (non-nested groups suffice here). */
    private static List<String> groups(String regex) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < regex.length(); i++) {
            if (regex.charAt(i) == '(' && (i == 0 || regex.charAt(i - 1) != '\\')
                    && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
                int end = regex.indexOf(')', i);
                groups.add(end < 0 ? "" : regex.substring(i + 1, end));
            }
        }
        return groups;
    }

    /** Null when the HELP's Source is in the contract; otherwise what is wrong. */
    private static String problem(String help) {
        Optional<MetricSource> parsed = MetricSource.fromHelp(help.replaceAll("\\$(\\d)", "ANY$1"));
        if (parsed.isEmpty()) {
            return "no Source in '" + help + "'";
        }
        MetricSource source = parsed.get();
        Optional<Class<?>> mbean = CONTRACT.entrySet().stream().filter(e -> source.matches(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
        if (mbean.isEmpty()) {
            return "no MBean of the contract is " + source.objectName();
        }
        Pattern attributeName = wildcard(source.attribute());
        List<Method> getters = Arrays.stream(mbean.get().getMethods())
                .filter(m -> m.getParameterCount() == 0 && attributeName.matcher(attribute(m)).matches()).toList();
        if (getters.isEmpty()) {
            return mbean.get().getSimpleName() + " has no attribute " + source.attribute();
        }
        if (source.item() == null) {
            return null;
        }
        Pattern itemName = wildcard(source.item());
        boolean found = getters.stream().flatMap(g -> components(g).stream())
                .anyMatch(c -> itemName.matcher(c.getName()).matches());
        return found ? null : mbean.get().getSimpleName() + "." + source.attribute() + " has no item " + source.item();
    }

    /** {@code ANY1Bytes} (a Source's {@code $1Bytes}) as a pattern that takes any word for {@code ANY1}. */
    private static Pattern wildcard(String name) {
        return Pattern.compile(Arrays.stream(name.split("ANY\\d", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + "\\w+" + b).orElse(""));
    }

    private static String attribute(Method getter) {
        String name = getter.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return name.substring(3);
        }
        if (name.startsWith("is") && name.length() > 2 && getter.getReturnType() == boolean.class) {
            return name.substring(2);
        }
        return "";
    }

    /** The items of an attribute: its record's components, or its table's row record's. */
    private static List<RecordComponent> components(Method getter) {
        TableOf table = getter.getAnnotation(TableOf.class);
        Class<?> type = table != null ? table.value() : getter.getReturnType();
        return type.isRecord() ? List.of(type.getRecordComponents()) : List.of();
    }
}
