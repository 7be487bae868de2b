package dev.memtrack.agent.testing.apps;

/** A BACKGROUND program that does nothing; with a {@code failure}, every setter throws it. */
public final class TestProgram implements ProgramMXBean {

    private final String name;
    private final int maxParallelism;
    private final String failure;
    private volatile int parallelism;
    private volatile boolean paused;

    /** @param failure message of the exception every setter throws; {@code null} for a program that obeys */
    public TestProgram(String name, int parallelism, String failure) {
        this.name = name;
        this.maxParallelism = parallelism;
        this.parallelism = parallelism;
        this.failure = failure;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getPriority() {
        return "BACKGROUND";
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public void setParallelism(int parallelism) {
        refuseIfBroken();
        this.parallelism = parallelism;
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public void setPaused(boolean paused) {
        refuseIfBroken();
        this.paused = paused;
    }

    @Override
    public double getCpuPercent() {
        return 0;
    }

    @Override
    public double getAllocationRateBytesPerSecond() {
        return 0;
    }

    private void refuseIfBroken() {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
