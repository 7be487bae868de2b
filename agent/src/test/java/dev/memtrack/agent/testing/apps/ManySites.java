package dev.memtrack.agent.testing.apps;

import dev.memtrack.agent.alloc.GeneratedClasses;

/**
 * The allocation sites {@link ManySitesApp} generates and how often it runs each: {@code classes}
 * generated classes of {@code sitesPerClass} sites each (one allocation per line, {@code new Object()}
 * on odd lines, {@code new byte[8]} on even ones, all instrumented as they load); the first
 * {@code runSites} sites (in class order) run once each, and {@code heavySites} of those run more:
 * heavy site {@code k} (0-based) {@code heavyBase + k * heavyStep} times more. Sites are numbered
 * globally, {@code class * sitesPerClass + line - 1}. The app and the test both read the plan from here,
 * so the test knows the true count of every site.
 */
public record ManySites(int classes, int sitesPerClass, int runSites, int heavySites, int heavyBase, int heavyStep) {

    /** A prime: coprime with the number of sites run (checked), so the heavy sites are distinct. */
    private static final int HEAVY_STRIDE = 7919;

    public ManySites {
        if (classes < 1 || sitesPerClass < 2 || runSites < 1 || runSites > classes * sitesPerClass
                || heavySites < 0 || heavySites > runSites || heavyBase < 0 || heavyStep < 0) {
            throw new IllegalArgumentException("bad plan: " + classes + " classes of " + sitesPerClass + " sites, "
                    + runSites + " run, " + heavySites + " heavy");
        }
        if (runSites % HEAVY_STRIDE == 0) {
            throw new IllegalArgumentException("the number of sites run must not be a multiple of " + HEAVY_STRIDE);
        }
    }

    /** The plan from the app's arguments ({@link #args()}). */
    public static ManySites of(String[] args) {
        return new ManySites(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    }

    /** The app's arguments. */
    public String[] args() {
        return new String[] {Integer.toString(classes), Integer.toString(sitesPerClass), Integer.toString(runSites),
                Integer.toString(heavySites), Integer.toString(heavyBase), Integer.toString(heavyStep)};
    }

    /** Sites instrumented. */
    public int sites() {
        return classes * sitesPerClass;
    }

    public String className(int c) {
        return GeneratedClasses.PACKAGE + "Sites" + c;
    }

    /** Whether line {@code line + 1} of a class allocates {@code new Object()} (else {@code new byte[8]}). */
    public static boolean newObjectAt(int line) {
        return line % 2 == 1;
    }

    /** The site as memtrack names it: {@code dev.memtrack.agent.alloc.generated.Sites7.run(Sites7.java:12)}. */
    public String siteName(int site) {
        int c = site / sitesPerClass;
        return className(c) + ".run(Sites" + c + ".java:" + (site % sitesPerClass + 1) + ")";
    }

    public String type(int site) {
        return newObjectAt(site % sitesPerClass) ? "java.lang.Object" : "byte[]";
    }

    /** The number of heavy site {@code k}, one of the sites run. */
    public int heavySite(int k) {
        return (int) ((long) k * HEAVY_STRIDE % runSites);
    }

    /** How many more times heavy site {@code k} runs. */
    public long heavyExtra(int k) {
        return heavyBase + (long) k * heavyStep;
    }

    /** How many times {@code site} runs in all. */
    public long runs(int site) {
        if (site >= runSites) {
            return 0;
        }
        long runs = 1;
        for (int k = 0; k < heavySites; k++) {
            if (heavySite(k) == site) {
                runs += heavyExtra(k);
            }
        }
        return runs;
    }

    /** Allocations the app makes at generated sites in all. */
    public long totalAllocations() {
        long total = runSites;
        for (int k = 0; k < heavySites; k++) {
            total += heavyExtra(k);
        }
        return total;
    }
}
