package dev.memtrack.agent.testing.load;

/** The kinds of request a load client sends; latency and errors are reported per kind. */
public enum RequestKind {

    READ("read", true, "one attribute of one memtrack MBean"),
    BULK_READ("bulk read", true, "10-20 attribute reads in one bulk request"),
    LIST("list", true, "list of the memtrack domain"),
    SEARCH("search", true, "search memtrack:*"),
    POLICY_READ("policy read", true, "an attribute of the Policy MBean"),
    PAGING_COMPARE("paging compare", false, "exec compare on the Paging simulator, 20-200 references"),
    SEGMENTATION("segmentation", false, "exec allocate or free on the Segmentation simulator"),
    STRESS("stress", false, "exec start (4 MiB target) or stop on the Stress simulator");

    private final String label;
    private final boolean read;
    private final String description;

    RequestKind(String label, boolean read, String description) {
        this.label = label;
        this.read = read;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** Reads are what the latency target (p99 at most 5 ms) is about; operations do work. */
    public boolean isRead() {
        return read;
    }

    public String description() {
        return description;
    }
}
