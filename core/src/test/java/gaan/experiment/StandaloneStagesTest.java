package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.config.Modality;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RepresentationSpec;
import gaan.config.RunRequest;
import gaan.config.TrainingSettings;
import gaan.data.DemoCorpus;
import gaan.data.Npy;
import gaan.features.FeatureStore;

/** The single stages: a VAE trained alone into the store, and the report rebuilt from a results folder. */
class StandaloneStagesTest {
    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void smallDemo() throws Exception {
        demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(12, 2.0, 3, 5));
    }

    @Test
    void trainWritesLatentMeansBesideTheModelAndIntoTheStore() throws Exception {
        ExperimentConfig config = new ExperimentConfig("train", List.of(3L), 2, null, null, null,
                new TrainingSettings(3, 8, null, null, null, null, null, null),
                List.of(new RepresentationSpec("mlp_vae", RepresentationSpec.Kind.VAE, List.of(Modality.MFCC),
                        RepresentationSpec.Model.MLP, null, List.of(4), null, null, null, null, null, null, null, null)),
                null).resolved().validate();
        Path out = dir.resolve("train");
        Path latent = VaeTraining.train(config, demo, null, out, Progress.QUIET);
        assertArrayEquals(new int[] {12, 4}, Npy.read(latent).shape());
        assertEquals(12, Files.readAllLines(out.resolve("track_ids.txt")).size());
        assertTrue(Files.exists(out.resolve("models/mlp_vae_s3/spec.json")));
        FeatureStore store = FeatureStore.at(FeatureStore.defaultDir(demo));
        assertEquals(12, store.matrix(FeatureStore.latent("mlp_vae")).length);
        boolean[] mask = store.mask(FeatureStore.latentMask("mlp_vae"));
        for (boolean encoded : mask) {
            assertTrue(encoded);
        }
    }

    @Test
    void storeHoldsLyricsLanguagesAndStatus() throws Exception {
        FeaturePipeline.prepare(demo, dir.resolve("store"), FeatureSettings.DEFAULTS, 1, 2, Progress.QUIET);
        List<String> lines = Files.readAllLines(dir.resolve("store").resolve(FeatureStore.LYRICS_TABLE));
        assertEquals("id,lyrics_status,tagged_language,language", lines.get(0));
        assertEquals(13, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",missing,unknown,")), "a demo track without lyrics");
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",bn,bn")), "a Bangla track tagged bn");
        boolean[] present = FeatureStore.at(dir.resolve("store")).mask(FeatureStore.LYRICS_MASK);
        assertEquals(lines.stream().filter(l -> l.contains(",ok,")).count(),
                java.util.stream.IntStream.range(0, present.length).filter(i -> present[i]).count());
    }

    @Test
    void reportIsRebuiltFromTheFilesOfARun() throws Exception {
        Path out = dir.resolve("results");
        ExperimentConfig easy = new Overrides(null, null, 3, 2, null, null, 2).applyTo(Preset.EASY.config())
                .resolved().validate();
        ExperimentRunner.run(new RunRequest(List.of(easy), demo, out, null), Progress.QUIET);
        Files.delete(out.resolve("report.html"));
        Path report = ReportRebuild.write(out);
        String html = Files.readString(report);
        assertTrue(html.contains("task-easy") && html.contains("mlp_vae"), "rebuilt report shows the easy task");
        assertTrue(html.contains("<audio"), "clusters list their tracks with players");
    }
}
