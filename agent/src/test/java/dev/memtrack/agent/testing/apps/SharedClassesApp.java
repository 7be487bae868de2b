package dev.memtrack.agent.testing.apps;

/**
 * For the class data sharing test, packed in a jar of its own: with {@code await}, waits until
 * memtrack is ready; then loads a class of the platform class loader ({@code java.sql.Date}) and
 * exits.
 */
public final class SharedClassesApp {

    private SharedClassesApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("await")) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!"ready".equals(System.getProperty("memtrack.agent.state")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        Class<?> platformClass = java.sql.Date.valueOf("2020-01-01").getClass();
        System.out.println("loaded " + platformClass.getName() + " by " + platformClass.getClassLoader().getName());
    }
}
