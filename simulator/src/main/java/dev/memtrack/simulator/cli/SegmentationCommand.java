package dev.memtrack.simulator.cli;

import dev.memtrack.simulator.segmentation.AddressTranslation;
import dev.memtrack.simulator.segmentation.Hole;
import dev.memtrack.simulator.segmentation.PlacementStrategy;
import dev.memtrack.simulator.segmentation.Segment;
import dev.memtrack.simulator.segmentation.SegmentationSnapshot;
import dev.memtrack.simulator.segmentation.SegmentedMemory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code segmentation}: runs a list of operations on a simulated memory and shows each result and
 * the final holes. Operations, separated by commas: {@code alloc NAME SIZE}, {@code free NAME},
 * {@code compact}, {@code translate NAME OFFSET}.
 */
final class SegmentationCommand implements Command {

    static final long MAX_MEMORY = 1L << 40;
    private static final String OPS = "operations separated by commas: alloc NAME SIZE, free NAME, compact, "
            + "translate NAME OFFSET";

    @Override
    public String name() {
        return "segmentation";
    }

    @Override
    public String summary() {
        return "segment placement in a contiguous memory: allocate, free, compact, translate";
    }

    @Override
    public List<String> examples() {
        return List.of("segmentation --memory 1000 --strategy BEST_FIT --ops \"alloc A 212,alloc B 417,free A,compact\" [--json]",
                "segmentation --memory 1000 --strategy NEXT_FIT --ops \"alloc P1/code 300,alloc P1/data 100,translate P1/data 120\"");
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("--memory", "an integer 1 to " + MAX_MEMORY, "memory size in simulated bytes"),
                Option.value("--strategy", PlacementStrategy.names(), "placement strategy"),
                Option.value("--ops", OPS, "what to do, in order"),
                Option.flag("--json", "print one JSON object"));
    }

    /** One parsed operation; {@code number} is its 1-based position in --ops. */
    private record Op(int number, String text, String kind, String name, long amount) {
    }

    @Override
    public int run(Options options, PrintStream out) {
        long size = options.longValue("--memory", 1, MAX_MEMORY);
        PlacementStrategy strategy;
        try {
            strategy = PlacementStrategy.parse(options.required("--strategy"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value for --strategy: " + e.getMessage());
        }
        List<Op> ops = parse(options.required("--ops"));
        SegmentedMemory memory = new SegmentedMemory(size, strategy);
        boolean json = options.has("--json");
        // Text goes to a buffer first: a later op that fails leaves nothing half printed.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream text = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        JsonWriter w = new JsonWriter().beginObject().field("memory", size).field("strategy", strategy.name())
                .name("results").beginArray();
        text.printf(Locale.ROOT, "%s in %d bytes%n", strategy, size);
        for (Op op : ops) {
            try {
                apply(op, memory, json ? w : null, text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad value for --ops: op " + op.number() + " '" + op.text() + "': "
                        + e.getMessage());
            }
        }
        SegmentationSnapshot snapshot = memory.snapshot();
        if (json) {
            w.endArray().name("holes").beginArray();
            snapshot.holes().forEach(h -> w.beginArray().value(h.base()).value(h.length()).endArray());
            w.endArray().name("segments").beginArray();
            snapshot.segments().forEach(s -> w.beginObject().field("name", s.name()).field("process", s.process())
                    .field("base", s.base()).field("limit", s.limit()).endObject());
            w.endArray().field("freeBytes", snapshot.freeBytes()).field("allocatedBytes", snapshot.allocatedBytes())
                    .field("largestHole", snapshot.largestHole())
                    .field("externalFragmentation", snapshot.externalFragmentation())
                    .field("failedAllocations", snapshot.failedAllocations());
            out.println(w.endObject());
        } else {
            printLayout(snapshot, text);
            out.print(buffer.toString(StandardCharsets.UTF_8));
        }
        return 0;
    }

    private static void apply(Op op, SegmentedMemory memory, JsonWriter w, PrintStream out) {
        switch (op.kind()) {
            case "alloc" -> {
                long base = memory.allocate(op.name(), op.amount());
                result(w, "alloc", op.name(), op.amount(), base);
                line(w, out, op, base >= 0 ? "base " + base : "does not fit: no hole of " + op.amount() + " bytes");
            }
            case "free" -> {
                Segment freed = memory.free(op.name());
                result(w, "free", op.name(), freed.limit(), freed.base());
                line(w, out, op, "freed [" + freed.base() + ", " + freed.end() + ")");
            }
            case "compact" -> {
                int moved = memory.compact();
                if (w != null) {
                    w.beginObject().field("op", "compact").name("name").nullValue().field("size", 0).field("base", -1)
                            .field("moved", moved).endObject();
                }
                line(w, out, op, moved + " segment" + (moved == 1 ? "" : "s") + " moved");
            }
            case "translate" -> {
                AddressTranslation t = memory.translate(op.name(), op.amount());
                Segment segment = memory.segment(op.name()).orElse(null);
                if (w != null) {
                    w.beginObject().field("op", "translate").field("name", op.name())
                            .field("size", segment == null ? 0 : segment.limit())
                            .field("base", segment == null ? -1 : segment.base())
                            .field("offset", t.offset()).field("address", t.physicalAddress())
                            .field("fault", t.fault()).field("message", t.message()).endObject();
                }
                line(w, out, op, t.fault() ? t.message() : "physical address " + t.physicalAddress());
            }
            default -> throw new IllegalStateException(op.kind());
        }
    }

    private static void result(JsonWriter w, String kind, String name, long size, long base) {
        if (w != null) {
            w.beginObject().field("op", kind).field("name", name).field("size", size).field("base", base).endObject();
        }
    }

    private static void line(JsonWriter w, PrintStream out, Op op, String outcome) {
        if (w == null) {
            out.printf(Locale.ROOT, "  %-24s -> %s%n", op.text(), outcome);
        }
    }

    private static void printLayout(SegmentationSnapshot s, PrintStream out) {
        StringBuilder segments = new StringBuilder();
        for (Segment segment : s.segments()) {
            segments.append(' ').append(segment.name()).append(" [").append(segment.base()).append(", ")
                    .append(segment.end()).append(')');
        }
        StringBuilder holes = new StringBuilder();
        for (Hole hole : s.holes()) {
            holes.append(" [").append(hole.base()).append(", ").append(hole.end()).append(')');
        }
        out.println("segments:" + (segments.length() == 0 ? " none" : segments));
        out.println("holes:   " + (holes.length() == 0 ? " none" : holes));
        out.printf(Locale.ROOT, "free %d bytes in %d hole(s), largest %d, external fragmentation %.3f, failed allocations %d%n",
                s.freeBytes(), s.holes().size(), s.largestHole(), s.externalFragmentation(), s.failedAllocations());
    }

    private static List<Op> parse(String text) {
        List<Op> ops = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String opText = parts[i].trim();
            String[] words = opText.isEmpty() ? new String[0] : opText.split("\\s+");
            int number = i + 1;
            String kind = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
            int expected = switch (kind) {
                case "alloc", "translate" -> 3;
                case "free" -> 2;
                case "compact" -> 1;
                default -> throw new UsageException("bad value for --ops: op " + number + " '" + opText
                        + "': unknown operation '" + kind + "' (accepted: " + OPS + ")");
            };
            if (words.length != expected) {
                throw new UsageException("bad value for --ops: op " + number + " '" + opText + "': expected "
                        + usage(kind));
            }
            long amount = 0;
            if (expected == 3) {
                try {
                    amount = Long.parseLong(words[2]);
                } catch (NumberFormatException e) {
                    amount = -1;
                }
                boolean valid = kind.equals("alloc") ? amount > 0 : amount >= 0;
                if (!valid) {
                    throw new UsageException("bad value for --ops: op " + number + " '" + opText + "': "
                            + (kind.equals("alloc") ? "size must be an integer > 0" : "offset must be an integer >= 0"));
                }
            }
            ops.add(new Op(number, opText, kind, expected >= 2 ? words[1] : null, amount));
        }
        return ops;
    }

    private static String usage(String kind) {
        return switch (kind) {
            case "alloc" -> "alloc NAME SIZE";
            case "translate" -> "translate NAME OFFSET";
            case "free" -> "free NAME";
            default -> "compact";
        };
    }
}
