package dev.memtrack.agent.launcher;

import java.util.function.Supplier;

/** A class that {@link IsolatedClassLoaderTest} packs as {@code .classdata} and loads in isolation. */
public class IsolationFixture implements Supplier<String> {

    @Override
    public String get() {
        return "loaded by " + getClass().getClassLoader().getName();
    }
}
