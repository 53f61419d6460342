package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.ConfigLoader;
import gaan.config.ExperimentConfig;
import gaan.config.Modality;
import gaan.config.Overrides;
import gaan.config.Preset;
import gaan.config.RepresentationSpec;
import gaan.data.DemoCorpus;
import gaan.features.FeatureStore;
import gaan.model.VaeSpec;

class RepresentationBuilderTest {
    @TempDir
    Path dir;

    @Test
    void aConvVaeWithPerBandScalingStandardisesEachMelBand() {
        RepresentationSpec perBand = new RepresentationSpec("c", RepresentationSpec.Kind.VAE, List.of(Modality.LOGMEL),
                RepresentationSpec.Model.CONV, null, null, null, null, null, null, null,
                RepresentationSpec.PatchScaling.PER_BAND, null, null);
        assertEquals(VaeSpec.Scaling.PER_BAND, RepresentationBuilder.convSpec(perBand, 128, 128).scaling());
        RepresentationSpec global = new RepresentationSpec("c", RepresentationSpec.Kind.VAE, List.of(Modality.LOGMEL),
                RepresentationSpec.Model.CONV, null, null, null, null, null, null, null, null, null, null);
        assertEquals(VaeSpec.Scaling.PER_FEATURE, RepresentationBuilder.convSpec(global, 128, 128).scaling());
    }

    /** The hard task's VAEs (vector and multimodal, two seeds) trained two at a time equal those trained one by one. */
    @Test
    void vaesTrainedAheadSideBySideEqualThoseBuiltOneAfterAnother() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(24, 3.0, 6, 3));
        ExperimentConfig hard = new Overrides(null, null, null, 3, null, List.of(1L, 2L), 2)
                .applyTo(Preset.HARD.config()).resolved().validate();
        BuiltTwice built = buildSeriallyAndAhead(demo, hard);
        Map<String, Representation> serial = built.serial();
        Map<String, Representation> ahead = built.ahead();

        long vaes = hard.representations().stream().filter(s -> s.kind() == RepresentationSpec.Kind.VAE).count();
        assertTrue(vaes >= 4, "the hard task trains several VAEs: " + vaes);
        assertEquals(serial.keySet(), ahead.keySet());
        for (String key : serial.keySet()) {
            double[][] a = serial.get(key).x();
            double[][] b = ahead.get(key).x();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], key + " row " + i);
            }
            assertEquals(losses(serial.get(key)), losses(ahead.get(key)), key + " training history");
        }
    }

    @Test
    void aCodebookRepresentationIsTheHistogramOfTheTracksStoredFrames() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(12, 2.0, 3, 5));
        ExperimentConfig music = Preset.MUSIC.config().resolved().validate();
        CollectionFeatures features = FeaturePipeline.prepare(demo, FeatureStore.defaultDir(demo), music.features(),
                1, 2, Progress.QUIET);
        TaskData data = TaskData.select(music, features, features.lyrics());
        RepresentationSpec spec = new RepresentationSpec("cb", RepresentationSpec.Kind.CODEBOOK, null, null, null,
                null, null, 8, null, null, null, null, null, null);

        Representation rep = new RepresentationBuilder(data, dir.resolve("m"), Progress.QUIET).build(spec, 3, Map.of());
        assertEquals(FeatureStore.TIMBRE_FRAMES, rep.inputs());
        assertEquals(data.size(), rep.x().length);
        double[][] expected = new gaan.cluster.BagOfFrames(8, new int[] {20, 7}, RepresentationBuilder.CODEBOOK_SEED, 1)
                .histograms(features.store().cube(FeatureStore.TIMBRE_FRAMES));
        // One codebook for the collection: another seed (and another builder, so no cache) gives the same rows.
        assertArrayEquals(rep.x(), new RepresentationBuilder(data, dir.resolve("m"), Progress.QUIET)
                .build(spec, 4, Map.of()).x());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], rep.x()[i], 1e-12, "track " + i);
            double norm = 0;
            for (double v : rep.x()[i]) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-12, "√ of frequencies summing to 1");
        }
    }

    /**
     * An MLP VAE on codebook histograms gives one latent row per track, the same for a seed whether
     * trained in build or ahead beside another seed (both threads ask for the one codebook).
     */
    @Test
    void aCodebookVaeGivesOneLatentRowPerTrackTheSameForASeed() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(12, 2.0, 3, 5));
        Path yaml = dir.resolve("cb.yaml");
        Files.writeString(yaml, """
                task: cb
                seeds: [1, 2]
                threads: 2
                training: {epochs: 3}
                representations:
                  - {name: cb, kind: codebook, dim: 8}
                  - {name: vae_cb, kind: vae, model: mlp, inputs: [codebook], latent: [4], dim: 8}
                clustering: [{algorithm: spectral}]
                """);
        ExperimentConfig config = ConfigLoader.read(yaml).get(0).resolved().validate();
        BuiltTwice built = buildSeriallyAndAhead(demo, config);
        Map<String, Representation> serial = built.serial();
        Map<String, Representation> ahead = built.ahead();

        for (long seed : config.seeds()) {
            Representation vae = serial.get("vae_cb seed " + seed);
            assertEquals("codebook", vae.inputs());
            assertEquals(12, vae.x().length);
            assertEquals(4, vae.x()[0].length);
            double[][] again = ahead.get("vae_cb seed " + seed).x();
            for (int i = 0; i < again.length; i++) {
                assertArrayEquals(vae.x()[i], again[i], "seed " + seed + " row " + i);
            }
        }
        assertFalse(java.util.Arrays.deepEquals(serial.get("vae_cb seed 1").x(), serial.get("vae_cb seed 2").x()),
                "the seed moves the VAE");
    }

    /**
     * The step budget counts the samples an epoch trains on: every window of a track, or two with
     * window pairs (it counted one a track, so a conv VAE of four patches took four times its budget).
     */
    @Test
    void theStepBudgetCountsEveryWindowOrTheTwoOfAPair() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(12, 3.5, 3, 7));
        Path yaml = dir.resolve("windows.yaml");
        java.nio.file.Files.writeString(yaml, """
                task: windows
                seeds: [1]
                features: {patches: 4}
                training: {epochs: 50, batchSize: 4, validationFraction: 0.1, patience: 0, warmupEpochs: 0, maxSteps: 22}
                representations:
                  - {name: all, kind: vae, model: conv, inputs: [logmel], latent: [2]}
                  - {name: pairs, kind: vae, model: conv, inputs: [logmel], latent: [2], windows: pairs, consistency: 1}
                clustering: [{algorithm: kmeans, k: [2]}]
                """);
        ExperimentConfig config = gaan.config.ConfigLoader.read(yaml).get(0).resolved().validate();
        CollectionFeatures features = FeaturePipeline.prepare(demo, FeatureStore.defaultDir(demo), config.features(),
                1, 2, Progress.QUIET);
        TaskData data = TaskData.select(config, features, features.lyrics());
        assertEquals(4, data.patches()[0].length);
        RepresentationBuilder builder = new RepresentationBuilder(data, dir.resolve("m"), Progress.QUIET);
        // 11 training tracks: 44 windows are 11 steps of 4, so 22 steps are 2 epochs; 22 windows in pairs are 6 steps, 3 epochs.
        Representation all = builder.build(config.representations().get(0), 1, Map.of());
        assertEquals(2, all.history().size(), all.note());
        assertTrue(all.note().contains("2 of 50 epochs (11 steps an epoch; max_steps 22)"), all.note());
        Representation pairs = builder.build(config.representations().get(1), 1, Map.of());
        assertEquals(3, pairs.history().size(), pairs.note());
        assertEquals(12, pairs.x().length);
    }

    /** The history without its timings. */
    private static List<List<Double>> losses(Representation rep) {
        return rep.history().stream().map(h -> List.of(h.loss(), h.reconstruction(), h.kl(), h.validationLoss(),
                (double) h.activeUnits())).toList();
    }

    /** Every representation × seed of a task, built one after another and built after {@link RepresentationBuilder#trainAhead}. */
    private record BuiltTwice(Map<String, Representation> serial, Map<String, Representation> ahead) {
    }

    private BuiltTwice buildSeriallyAndAhead(Path collection, ExperimentConfig config) {
        CollectionFeatures features = FeaturePipeline.prepare(collection, FeatureStore.defaultDir(collection),
                config.features(), 1, 2, Progress.QUIET);
        TaskData data = TaskData.select(config, features, features.lyrics());
        Map<String, Representation> serial = buildAll(new RepresentationBuilder(data, dir.resolve("a"), Progress.QUIET),
                config);
        RepresentationBuilder concurrent = new RepresentationBuilder(data, dir.resolve("b"), Progress.QUIET);
        concurrent.trainAhead(config.representations(), config.seeds());
        return new BuiltTwice(serial, buildAll(concurrent, config));
    }

    private static Map<String, Representation> buildAll(RepresentationBuilder builder, ExperimentConfig config) {
        Map<String, Representation> out = new LinkedHashMap<>();
        for (long seed : config.seeds()) {
            Map<String, Representation> built = new LinkedHashMap<>();
            for (RepresentationSpec spec : config.representations()) {
                Representation rep = builder.build(spec, seed, built);
                built.put(spec.name(), rep);
                out.put(spec.name() + " seed " + seed, rep);
            }
        }
        return out;
    }
}
