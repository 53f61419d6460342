package gaan.features;

import java.nio.file.Path;

import gaan.audio.AudioFeatureParams;
import gaan.data.CollectionReader;

/** Child-JVM entry point for the kill-and-resume test: extracts on one thread, pausing after each track. */
public final class SlowExtraction {
    private SlowExtraction() {
    }

    public static void main(String[] args) {
        long pauseMs = Long.parseLong(args[2]);
        new FeatureExtractor(AudioFeatureParams.DEFAULTS, 1).extract(CollectionReader.read(Path.of(args[0])),
                Path.of(args[1]), outcome -> {
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }
}
