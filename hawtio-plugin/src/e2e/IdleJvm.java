/**
 * A JVM that does nothing until it is stopped: with the Jolokia JVM agent it is "a JVM without memtrack" for
 * the console's e2e harness. Run from source: java -javaagent:jolokia.jar=port=N IdleJvm.java
 */
public class IdleJvm {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle JVM running");
        Thread.currentThread().join();
    }
}
