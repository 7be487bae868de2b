package dev.memtrack.benchmarks;

/** The smallest useful program: what the start-up harness starts over and over. */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
