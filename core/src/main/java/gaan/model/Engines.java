package gaan.model;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;

/** Versions of the deep-learning stack gaan trains on, for provenance records. */
public final class Engines {
    private Engines() {
    }

    /** {@code djl} and {@code pytorch} (libtorch) versions; loads the engine if it is not loaded yet. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        return v;
    }
}
