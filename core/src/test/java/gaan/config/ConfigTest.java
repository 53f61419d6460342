package gaan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void everyPresetValidatesAndRoundTripsThroughYaml() throws Exception {
        for (Preset p : Preset.values()) {
            ExperimentConfig c = p.config().resolved().validate();
            Path f = dir.resolve(p.key() + ".yaml");
            Files.writeString(f, ConfigLoader.toYaml(p.config()));
            ExperimentConfig back = ConfigLoader.read(f).get(0);
            assertEquals(p.config(), back, "YAML round trip of " + p);
            assertEquals(c, back.resolved().validate());
        }
    }

    @Test
    void musicPresetReadsAudioOnlyAndLeavesKToTheData() {
        ExperimentConfig music = Preset.parse("music").config().resolved().validate();
        assertEquals(null, music.k(), "no k: chosen from the data");
        assertTrue(music.clustering().stream().allMatch(c -> c.k() == null), music.clustering().toString());
        assertTrue(music.representations().stream().allMatch(r -> (r.kind() == RepresentationSpec.Kind.CODEBOOK
                || r.inputs().equals(List.of(Modality.DESCRIPTORS)) || r.inputs().equals(List.of(Modality.CODEBOOK)))
                && !r.conditionedOnGenre()),
                "audio descriptors and MFCC frames only, so an audio-only collection runs it whole");
        assertTrue(music.representations().stream().anyMatch(r -> r.kind() == RepresentationSpec.Kind.VAE
                && r.inputs().equals(List.of(Modality.CODEBOOK)) && r.words() == RepresentationSpec.DEFAULT_WORDS),
                "a VAE on the same codebook as timbre_codebook");
        assertTrue(music.representations().stream().anyMatch(r -> r.name().equals("timbre_codebook")
                && r.words() == RepresentationSpec.DEFAULT_WORDS));
        assertTrue(music.clustering().stream().anyMatch(c -> c.algorithm() == ClusteringSpec.Algorithm.SPECTRAL));
        assertTrue(music.seeds().size() >= 3);
    }

    @Test
    void latentListsExpandIntoNamedRepresentations() {
        List<String> names = Preset.HARD.config().resolved().representations().stream()
                .map(RepresentationSpec::name).toList();
        assertTrue(names.containsAll(List.of("beta_vae_b0p5", "beta_vae_b2", "beta_vae_b4")), names.toString());
    }

    @Test
    void everyPresetStaysValidUnderEveryOverride() {
        for (Preset p : Preset.values()) {
            new Overrides(8, 2.0, 4, 1, 8, List.of(3L), 1).applyTo(p.config()).resolved().validate();
        }
    }

    @Test
    void aConvVaeTakesPerBandScalingFromYamlAndNoOtherRepresentationDoes() throws Exception {
        Path f = dir.resolve("bands.yaml");
        Files.writeString(f, """
                task: mine
                representations:
                  - {name: c, kind: vae, model: conv, inputs: [logmel], scaling: per_band}
                  - {name: g, kind: vae, model: conv, inputs: [logmel]}
                """);
        ExperimentConfig c = ConfigLoader.read(f).get(0).resolved().validate();
        assertEquals(RepresentationSpec.PatchScaling.PER_BAND, c.representations().get(0).scaling());
        assertEquals(null, c.representations().get(1).scaling());
        assertTrue(ConfigLoader.toYaml(c).contains("scaling: per_band"), ConfigLoader.toYaml(c));

        Files.writeString(f, "task: mine\nrepresentations: [{name: v, kind: vae, model: mlp, inputs: [mfcc], scaling: per_band}]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("representations[0].scaling applies to conv vaes"), e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: c, kind: vae, model: conv, inputs: [logmel], scaling: bands}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f));
        assertTrue(e.getMessage().contains("unknown scaling 'bands'") && e.getMessage().contains("per_band"), e.getMessage());
    }

    @Test
    void aConvVaeDrawsWindowPairsWithAConsistencyWeightFromYamlAndMisusesNameTheField() throws Exception {
        Path f = dir.resolve("pairs.yaml");
        Files.writeString(f, "task: mine\nfeatures: {patches: 8}\nrepresentations:\n"
                + "  - {name: c, kind: vae, model: conv, inputs: [logmel], windows: pairs, consistency: 2.5}\n"
                + "  - {name: g, kind: vae, model: conv, inputs: [logmel]}\n");
        ExperimentConfig c = ConfigLoader.read(f).get(0).resolved().validate();
        assertEquals(RepresentationSpec.WindowDraw.PAIRS, c.representations().get(0).windowDraw());
        assertEquals(2.5, c.representations().get(0).consistencyWeight());
        assertEquals(RepresentationSpec.WindowDraw.ALL, c.representations().get(1).windowDraw());
        assertEquals(0.0, c.representations().get(1).consistencyWeight());
        assertTrue(ConfigLoader.toYaml(c).contains("windows: pairs"), ConfigLoader.toYaml(c));

        String conv = "representations: [{name: c, kind: vae, model: conv, inputs: [logmel]";
        String[][] misuses = {
                {"task: mine\n" + conv + ", consistency: 1}]\n", "representations[0].consistency needs two windows",
                        "windows: pairs"},
                {"task: mine\nrepresentations: [{name: v, kind: vae, model: mlp, inputs: [mfcc], windows: pairs}]\n",
                        "representations[0].windows applies to conv vaes"},
                {"task: mine\nfeatures: {patches: 1}\n" + conv + ", windows: pairs}]\n", "features.patches is 1"},
                {"task: mine\nfeatures: {patches: 4}\n" + conv + ", windows: pairs, consistency: -1}]\n",
                        "representations[0].consistency"}};
        for (String[] misuse : misuses) {
            Files.writeString(f, misuse[0]);
            String message = assertThrows(ConfigException.class,
                    () -> ConfigLoader.read(f).get(0).resolved().validate()).getMessage();
            for (int i = 1; i < misuse.length; i++) {
                assertTrue(message.contains(misuse[i]), misuse[0] + " -> " + message);
            }
        }
    }

    @Test
    void badValuesNameTheirField() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                task: mine
                representations:
                  - {name: v, kind: vae, model: mlp, inputs: [mfcc], latent: [0]}
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("representations[0].latent[0]"), e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: v, kind: vae, model: mlp, inputs: [mfcc], latnt: 3}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f));
        assertTrue(e.getMessage().contains("unknown field 'latnt'") && e.getMessage().contains("bad.yaml"),
                e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: v, kind: vae, model: mlp, inputs: [audio]}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f));
        assertTrue(e.getMessage().contains("unknown input 'audio'"), e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: c, kind: codebook, inputs: [mfcc]}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("representations[0].inputs") && e.getMessage().contains("timbre frames"),
                e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: c, kind: codebook, dim: 1}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("representations[0].dim"), e.getMessage());

        Files.writeString(f, "task: mine\nrepresentations: [{name: h, kind: hybrid, parts: [nothing]}]\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("'nothing'"), e.getMessage());
    }

    @Test
    void anMlpVaeReadsCodebookHistogramsWithItsWordsAndNoOtherModelDoes() throws Exception {
        Path f = dir.resolve("codebook.yaml");
        Files.writeString(f, """
                task: mine
                representations:
                  - {name: v, kind: vae, model: mlp, inputs: [codebook], latent: [16], dim: 64}
                  - {name: w, kind: vae, model: mlp, inputs: [descriptors, codebook], weights: [1.0, 0.5]}
                """);
        ExperimentConfig c = ConfigLoader.read(f).get(0).resolved().validate();
        assertEquals(List.of(Modality.CODEBOOK), c.representations().get(0).inputs());
        assertEquals(64, c.representations().get(0).words());
        assertEquals(RepresentationSpec.DEFAULT_WORDS, c.representations().get(1).words());
        assertTrue(ConfigLoader.toYaml(c).contains("- codebook"), ConfigLoader.toYaml(c));

        String[][] misuses = {
                {"{name: v, kind: vae, model: conv, inputs: [codebook]}", "representations[0].inputs"},
                {"{name: v, kind: vae, model: multimodal, inputs: [mfcc, codebook]}", "representations[0].inputs"},
                {"{name: r, kind: raw, inputs: [codebook]}", "representations[0].inputs"},
                {"{name: p, kind: pca, inputs: [codebook], dim: 8}", "representations[0].inputs"},
                {"{name: v, kind: vae, model: mlp, inputs: [codebook], dim: 1}", "representations[0].dim"},
                {"{name: v, kind: vae, model: mlp, inputs: [mfcc], dim: 64}", "representations[0].dim"},
                {"{name: h, kind: hybrid, parts: [codebook]}", "representations[0].parts"},
        };
        for (String[] m : misuses) {
            Files.writeString(f, "task: mine\nrepresentations: [" + m[0] + "]\n");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.read(f).get(0).resolved().validate(), m[0]);
            assertTrue(e.getMessage().contains(m[1]), m[0] + ": " + e.getMessage());
        }
    }

    @Test
    void overridesReachEveryVaeAndEveryClustererThatTakesK() {
        ExperimentConfig c = new Overrides(8, 4.0, 5, 3, 16, List.of(7L, 8L), 1)
                .applyTo(Preset.HARD.config()).resolved().validate();
        assertEquals(List.of(7L, 8L), c.seeds());
        assertEquals(3, c.training().epochs());
        assertTrue(c.representations().stream().filter(r -> r.kind() == RepresentationSpec.Kind.VAE)
                .allMatch(r -> r.latentDim() == 8 && r.betaValue() == 4.0));
        assertTrue(c.clustering().stream().allMatch(s -> s.algorithm().takesK() ? s.k().equals(List.of(5))
                : s.k() == null), "--k reaches the algorithms that take k, and only those");
    }

    @Test
    void theExampleExperimentFileLoadsAndValidates() {
        List<ExperimentConfig> tasks = ConfigLoader.read(Path.of("..", "examples", "experiment.yaml"));
        ExperimentConfig c = tasks.get(0).resolved().validate();
        assertEquals("lyrics_vs_audio", c.task());
        assertTrue(c.representations().stream().anyMatch(r -> r.name().equals("audio_vae_z16")));
        assertTrue(c.features().excludeMissingLyrics());
    }

    @Test
    void aParameterTheAlgorithmDoesNotUseIsAnErrorNamingTheField() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ClusteringSpec(ClusteringSpec.Algorithm.KMEANS, null, List.of("ward"), null, null, null, null,
                        null).validate("task: clustering[0]"));
        assertEquals("task: clustering[0].linkage: applies to agglomerative only, not to kmeans; leave it out or "
                + "choose such an algorithm", e.getMessage());
        for (Preset p : Preset.values()) {
            p.config().resolved().validate(); // the presets set only what their algorithms use
        }
    }

    @Test
    void duplicateKeysRepeatedSeedsAndHugeSizesAreErrorsNamingTheField() throws Exception {
        Path f = dir.resolve("dup.yaml");
        Files.writeString(f, "task: mine\nseeds: [1]\ntask: other\n"
                + "representations: [{name: r, kind: raw, inputs: [mfcc]}]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f));
        assertTrue(e.getMessage().contains("task"), e.getMessage());

        java.util.function.Function<String, String> error = yaml -> {
            try {
                Files.writeString(f, "task: mine\n" + yaml);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate())
                    .getMessage();
        };
        String raw = "representations: [{name: r, kind: raw, inputs: [mfcc]}]\n";
        assertTrue(error.apply("seeds: [1, 1]\n" + raw).contains("seeds lists a value twice"));
        assertTrue(error.apply("threads: 100000\n" + raw).contains("threads must be at most"));
        assertTrue(error.apply("training: {batchSize: 10000000}\n" + raw).contains("training.batchSize must be at most"));
        assertTrue(error.apply("training: {epochs: 10000000}\n" + raw).contains("training.epochs must be at most"));
        assertTrue(error.apply("representations: [{name: v, kind: vae, model: mlp, inputs: [mfcc], latent: [1000000]}]\n")
                .contains("representations[0].latent[0] must be at most"));
    }

    @Test
    void aStepBudgetShortensTrainingOnLargeCollectionsOnly() throws Exception {
        TrainingSettings hard = new TrainingSettings(80, 32, null, null, 20, 20, null, null).over(TrainingSettings.DEFAULTS);
        // The demo (102 training rows: 4 steps an epoch) and 1,000 tracks (27) keep their 80 epochs.
        assertEquals(new TrainingSettings.Schedule(80, 20, 20, ""), hard.schedule(80, 102));
        assertEquals(80, hard.schedule(80, 850).epochs());
        // 5,000 tracks: 133 steps an epoch; 4,000 steps fit 30 epochs; warm-up and patience shrink alike.
        TrainingSettings.Schedule large = hard.schedule(80, 4250);
        assertEquals(30, large.epochs());
        assertEquals(8, large.warmupEpochs());
        assertEquals(8, large.patience());
        assertEquals("30 of 80 epochs (133 steps an epoch; max_steps 4000)", large.note());
        // One epoch at least, however large; 0 turns the budget off.
        assertEquals(1, hard.schedule(80, 1_000_000).epochs());
        TrainingSettings uncapped = new TrainingSettings(null, null, null, null, null, null, null, 0).over(hard);
        assertEquals(80, uncapped.schedule(80, 1_000_000).epochs());

        Path f = dir.resolve("steps.yaml");
        Files.writeString(f, "task: mine\ntraining: {maxSteps: -1}\n"
                + "representations: [{name: r, kind: raw, inputs: [mfcc]}]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate());
        assertTrue(e.getMessage().contains("training.maxSteps"), e.getMessage());
    }

    @Test
    void audioLimitsAndFoldersOutsideTheCollectionAreConfigFieldsCheckedByName() throws Exception {
        FeatureSettings defaults = Preset.EASY.config().resolved().features();
        assertEquals(1.0, defaults.minSeconds());
        assertEquals(2L << 30, defaults.maxAudioBytes());
        assertEquals(List.of(), defaults.allowOutside());

        Path f = dir.resolve("limits.yaml");
        Files.writeString(f, "task: mine\nrepresentations: [{name: r, kind: raw, inputs: [mfcc]}]\n"
                + "features: {minSeconds: 2.5, maxAudioBytes: 1000000, allowOutside: [/data/shared]}\n");
        ExperimentConfig c = ConfigLoader.read(f).get(0).allowingOutside(List.of("/mnt/more")).resolved().validate();
        assertEquals(2.5, c.features().minSeconds());
        assertEquals(1_000_000L, c.features().maxAudioBytes());
        assertEquals(List.of("/data/shared", "/mnt/more"), c.features().allowOutside());
        // A run reads every folder its tasks allow, besides those given on its command line.
        RunRequest request = new RunRequest(List.of(c), dir, dir.resolve("out"), null, List.of(Path.of("/cli")));
        assertEquals(List.of(Path.of("/cli"), Path.of("/data/shared"), Path.of("/mnt/more")), request.allowOutside());

        java.util.function.Function<String, String> error = features -> {
            try {
                Files.writeString(f, "task: mine\nrepresentations: [{name: r, kind: raw, inputs: [mfcc]}]\n"
                        + "features: " + features + "\n");
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return assertThrows(ConfigException.class, () -> ConfigLoader.read(f).get(0).resolved().validate())
                    .getMessage();
        };
        assertTrue(error.apply("{maxAudioBytes: 0}").contains("features.maxAudioBytes must be at least 1"));
        assertTrue(error.apply("{minSeconds: -1}").contains("features.minSeconds must be between 0.0"));
        assertTrue(error.apply("{allowOutside: ['']}").contains("features.allowOutside[0] must be a folder"));
        assertTrue(error.apply("{allowOutside: [\"a\\0b\"]}").contains("features.allowOutside[0] is not a path"));
    }
}
