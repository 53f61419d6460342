package gaan.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.jna.NativeLibrary;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

/** The deep-learning stack gaan trains on: loaded once, quiet, and its versions for provenance records. */
public final class Engines {
    /** c10's level names in the order of its {@code FLAGS_caffe2_log_level} values (0 = INFO). */
    private static final String[] LOG_LEVELS = {"INFO", "WARNING", "ERROR", "FATAL"};
    private static final int ERROR = 2;

    private Engines() {
    }

    /**
     * The PyTorch engine, loaded on first use with libtorch's console log at {@code ERROR}, or at
     * the level {@code TORCH_CPP_LOG_LEVEL} names. libtorch reads that variable only when Python
     * initialises it, so under DJL its deprecation notices (DJL's JNI still uses
     * {@code AutoNonVariableTypeMode}) reach the user's console whatever the variable says; the
     * level is c10's global {@code FLAGS_caffe2_log_level}, written here through JNA (which DJL
     * already ships) once libc10 is loaded and before any training runs.
     */
    static Engine pytorch() {
        return Loaded.ENGINE;
    }

    /** {@code djl} and {@code pytorch} (libtorch) versions; loads the engine if it is not loaded yet. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", pytorch().getVersion());
        return v;
    }

    /** Holder: the JVM runs its initialiser once, on first use, whichever thread gets there first. */
    private static final class Loaded {
        static final Engine ENGINE = load();

        private static Engine load() {
            Engine engine = Engine.getEngine("PyTorch");
            int level = logLevel(System.getenv("TORCH_CPP_LOG_LEVEL"));
            try {
                NativeLibrary c10 = NativeLibrary.getInstance(
                        Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("c10")).toString());
                c10.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, level);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                // A libtorch build without the flag only stays as talkative as it was; training is unaffected.
            }
            return engine;
        }
    }

    /** c10's level for a {@code TORCH_CPP_LOG_LEVEL} value (a name or 0-3); {@code ERROR} when unset or unknown. */
    static int logLevel(String value) {
        if (value == null) {
            return ERROR;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (int i = 0; i < LOG_LEVELS.length; i++) {
            if (v.equals(LOG_LEVELS[i]) || v.equals(Integer.toString(i))) {
                return i;
            }
        }
        return ERROR;
    }
}
