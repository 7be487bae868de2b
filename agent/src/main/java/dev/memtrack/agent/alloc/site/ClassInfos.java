package dev.memtrack.agent.alloc.site;

import dev.memtrack.agent.alloc.size.ObjectSizes;

/** {@link ClassInfo} per class, kept with the class itself (a {@link ClassValue}), so classes unload freely. */
public final class ClassInfos {

    private final ObjectSizes sizes;
    private final ClassValue<ClassInfo> infos = new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
            return new ClassInfo(type, sizes);
        }
    };

    public ClassInfos(ObjectSizes sizes) {
        this.sizes = sizes;
    }

    public ClassInfo get(Class<?> type) {
        return infos.get(type);
    }
}
