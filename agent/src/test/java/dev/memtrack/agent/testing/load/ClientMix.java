package dev.memtrack.agent.testing.load;

import dev.memtrack.agent.log.JsonWriter;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The requests of one load client, drawn at random with fixed weights: mostly reads (single,
 * bulk, list, search, policy), some simulator operations. Operations that change state come in
 * pairs a client completes itself (a segment it allocated it frees next time; a stress run it
 * started it stops), so that the simulators stay bounded however long the load runs.
 *
 * <p>Not thread-safe: one per client.
 */
public final class ClientMix {

    /** Weights per kind, in percent of requests. */
    private static final Map<RequestKind, Integer> WEIGHTS = weights();

    private static final String PAGING = MemtrackDomain.objectName(PagingSimulatorMXBean.OBJECT_NAME).toString();
    private static final String SEGMENTATION =
            MemtrackDomain.objectName(SegmentationSimulatorMXBean.OBJECT_NAME).toString();
    private static final String STRESS = MemtrackDomain.objectName(StressSimulatorMXBean.OBJECT_NAME).toString();

    private final AttributeCatalog catalog;
    private final SplittableRandom random;
    private final int client;
    private final boolean simulatorOperations;
    private int segmentSequence;
    // A segment this client placed and will free next; one being allocated while its answer is awaited.
    private String liveSegment;
    private String requestedSegment;
    private boolean stressStarted;

    /**
     * @param simulatorOperations whether this client may send simulator operations (false: reads only)
     */
    public ClientMix(AttributeCatalog catalog, int client, long seed, boolean simulatorOperations) {
        this.catalog = catalog;
        this.client = client;
        this.random = new SplittableRandom(seed);
        this.simulatorOperations = simulatorOperations;
    }

    private static Map<RequestKind, Integer> weights() {
        Map<RequestKind, Integer> w = new LinkedHashMap<>();
        w.put(RequestKind.READ, 40);
        w.put(RequestKind.BULK_READ, 15);
        w.put(RequestKind.LIST, 5);
        w.put(RequestKind.SEARCH, 10);
        w.put(RequestKind.POLICY_READ, 10);
        w.put(RequestKind.PAGING_COMPARE, 10);
        w.put(RequestKind.SEGMENTATION, 8);
        w.put(RequestKind.STRESS, 2);
        return w;
    }

    /** The next request of this client. */
    public LoadRequest next() {
        RequestKind kind = draw();
        return switch (kind) {
            case READ -> LoadRequest.single(kind, JsonWriter.write(read(pick(catalog.attributes()))));
            case BULK_READ -> bulkRead();
            case LIST -> LoadRequest.single(kind, JsonWriter.write(Map.of("type", "list", "path", MemtrackDomain.DOMAIN)));
            case SEARCH -> LoadRequest.single(kind, JsonWriter.write(Map.of("type", "search",
                    "mbean", MemtrackDomain.DOMAIN + ":*")));
            case POLICY_READ -> LoadRequest.single(kind, JsonWriter.write(read(pick(
                    catalog.policy().isEmpty() ? catalog.attributes() : catalog.policy()))));
            case PAGING_COMPARE -> LoadRequest.single(kind, JsonWriter.write(exec(PAGING, "compare",
                    3 + random.nextInt(6), referenceString())));
            case SEGMENTATION -> segmentation();
            case STRESS -> stress();
        };
    }

    /**
     * Tells the mix how its last request went, so that paired operations stay paired.
     *
     * @param value the Jolokia {@code value} of the answer, when it succeeded
     */
    public void answered(LoadRequest request, boolean succeeded, Object value) {
        if (request.kind() == RequestKind.SEGMENTATION) {
            if (requestedSegment != null) {
                boolean placed = succeeded && value instanceof Number base && base.longValue() >= 0;
                liveSegment = placed ? requestedSegment : null;
                requestedSegment = null;
            } else {
                liveSegment = null;
            }
        } else if (request.kind() == RequestKind.STRESS && succeeded) {
            stressStarted = !stressStarted;
        }
    }

    /** Requests to undo what this client left in the simulators (a segment, a stress run). */
    public List<LoadRequest> cleanUp() {
        List<LoadRequest> undo = new ArrayList<>();
        if (liveSegment != null) {
            undo.add(free(liveSegment));
            liveSegment = null;
        }
        if (stressStarted) {
            undo.add(LoadRequest.single(RequestKind.STRESS, JsonWriter.write(exec(STRESS, "stop"))));
            stressStarted = false;
        }
        return undo;
    }

    private RequestKind draw() {
        while (true) {
            int ticket = random.nextInt(100);
            for (Map.Entry<RequestKind, Integer> e : WEIGHTS.entrySet()) {
                ticket -= e.getValue();
                if (ticket < 0) {
                    if (e.getKey().isRead() || simulatorOperations) {
                        return e.getKey();
                    }
                    break;
                }
            }
        }
    }

    private LoadRequest bulkRead() {
        int n = 10 + random.nextInt(11);
        List<Map<String, Object>> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(read(pick(catalog.attributes())));
        }
        return LoadRequest.bulk(RequestKind.BULK_READ, JsonWriter.write(requests), n);
    }

    private LoadRequest segmentation() {
        if (liveSegment != null) {
            return free(liveSegment);
        }
        requestedSegment = "load" + client + "/s" + segmentSequence++;
        return LoadRequest.single(RequestKind.SEGMENTATION, JsonWriter.write(exec(SEGMENTATION, "allocate",
                requestedSegment, 1 + random.nextInt(4096))));
    }

    private static LoadRequest free(String segment) {
        return LoadRequest.single(RequestKind.SEGMENTATION, JsonWriter.write(exec(SEGMENTATION, "free", segment)));
    }

    private LoadRequest stress() {
        return LoadRequest.single(RequestKind.STRESS, JsonWriter.write(stressStarted ? exec(STRESS, "stop")
                : exec(STRESS, "start", 4, 64, "STEADY")));
    }

    private String referenceString() {
        int n = 20 + random.nextInt(181);
        StringBuilder refs = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                refs.append(',');
            }
            refs.append(random.nextInt(12));
        }
        return refs.toString();
    }

    private AttributeCatalog.Attribute pick(List<AttributeCatalog.Attribute> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Map<String, Object> read(AttributeCatalog.Attribute a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "read");
        r.put("mbean", a.mbean());
        r.put("attribute", a.name());
        return r;
    }

    private static Map<String, Object> exec(String mbean, String operation, Object... arguments) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "exec");
        r.put("mbean", mbean);
        r.put("operation", operation);
        r.put("arguments", List.of(arguments));
        return r;
    }
}
