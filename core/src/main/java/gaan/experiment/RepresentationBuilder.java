package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import gaan.audio.TimbreFrames;
import gaan.cluster.BagOfFrames;
import gaan.config.ConfigException;
import gaan.config.Modality;
import gaan.config.RepresentationSpec;
import gaan.config.TrainingSettings;
import gaan.features.FeatureStore;
import gaan.linalg.Pca;
import gaan.model.BetaSchedule;
import gaan.model.TrainConfig;
import gaan.model.Trainer;
import gaan.model.TrainingHistory;
import gaan.model.Vae;
import gaan.model.VaeInput;
import gaan.model.VaeSpec;

/**
 * Builds each {@link RepresentationSpec} of a task for one seed: raw features standardised and
 * concatenated, their PCA, the latent means of a trained VAE (saved under {@code models/}), a
 * hybrid of earlier ones, or the tracks' timbre frames as codebook histograms. A VAE whose last epoch has fewer than two active units is noted as
 * collapsed. VAEs that train on one core can be trained ahead, side by side ({@link #trainAhead}).
 */
final class RepresentationBuilder {
    private final TaskData data;
    private final Path modelsDir;
    private final Progress progress;
    /**
     * The seed of every codebook: one codebook per collection, so a codebook row is a function of the
     * collection and the run's seeds move only its clusterer (with a codebook per seed the rows of
     * two seeds disagreed, and the label-free recommendation, which weighs agreement across seeds,
     * passed them over; docs/quality.md).
     */
    static final long CODEBOOK_SEED = 0;
    /** Codebook rows by number of words, learnt once for all seeds and for every spec that reads them. */
    private final Map<Integer, double[][]> codebooks = new HashMap<>();
    /** VAEs trained by {@link #trainAhead}, by {@link #key}: the representation or what it failed with. */
    private final Map<String, Future<Representation>> ahead = new HashMap<>();

    RepresentationBuilder(TaskData data, Path modelsDir, Progress progress) {
        this.data = data;
        this.modelsDir = modelsDir;
        this.progress = progress;
    }

    /**
     * @throws ConfigException when an input of the spec is absent from every track of the task
     *                         (e.g. a genre-conditioned VAE on a collection without genres)
     */
    Representation build(RepresentationSpec spec, long seed, Map<String, Representation> earlier) {
        Future<Representation> trained = ahead.remove(key(spec, seed));
        if (trained != null) {
            return finished(trained);
        }
        checkInputs(spec);
        return switch (spec.kind()) {
            case RAW -> new Representation(spec.name(), inputsText(spec.inputs()), leaks(spec.inputs()), seed,
                    weighted(spec), List.of(), imputedNote(spec.inputs()));
            case PCA -> pca(spec, seed);
            case VAE -> vae(spec, seed);
            case HYBRID -> hybrid(spec, seed, earlier);
            case CODEBOOK -> new Representation(spec.name(), FeatureStore.TIMBRE_FRAMES, false, seed,
                    copy(codebook(spec.words())), List.of(), "");
        };
    }

    /**
     * The task's rows as histograms over a codebook of {@code words} words, learnt on first use;
     * shared (never to be modified) by the codebook representations and the VAEs that read them.
     * Synchronised: VAEs trained ahead ask for them from several threads.
     */
    private synchronized double[][] codebook(int words) {
        return codebooks.computeIfAbsent(words, w -> new BagOfFrames(w, TimbreFrames.blocks(data.timbreWidth()),
                CODEBOOK_SEED, data.config().threads()).histograms(data.timbreFrames()));
    }

    /**
     * Trains every VAE of {@code specs} × {@code seeds} whose fit uses one libtorch thread, the
     * config's thread count of them at a time (one per core), and returns when all are done;
     * {@link #build} then hands out each model, or throws what its training threw, instead of
     * training it. The models are those {@code build} would train one after another, bit for bit
     * (every fit has its own generators; see {@link Trainer}). VAEs that use every core train in
     * {@code build}, after these, so no two fits ever want different thread counts.
     */
    void trainAhead(List<RepresentationSpec> specs, List<Long> seeds) {
        List<RepresentationSpec> vaes = specs.stream()
                .filter(s -> s.kind() == RepresentationSpec.Kind.VAE && oneThread(s, seeds.get(0))).toList();
        int threads = Math.min(data.config().threads(), vaes.size() * seeds.size());
        if (threads < 2) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gaan-train");
            t.setDaemon(true);
            return t;
        });
        try {
            for (long seed : seeds) {
                for (RepresentationSpec spec : vaes) {
                    ahead.put(key(spec, seed), pool.submit(() -> {
                        checkInputs(spec);
                        return vae(spec, seed);
                    }));
                }
            }
            for (Future<Representation> f : ahead.values()) {
                try {
                    f.get();
                } catch (ExecutionException failed) {
                    // build rethrows it when the loop reaches this representation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training", e);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Whether the spec's fit runs on one libtorch thread; a spec that cannot be planned trains in build, which says why. */
    private boolean oneThread(RepresentationSpec spec, long seed) {
        try {
            VaePlan plan = plan(spec, seed);
            return new Trainer(plan.config()).intraOpThreads(plan.vaeSpec()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String key(RepresentationSpec spec, long seed) {
        return spec.name() + " seed " + seed;
    }

    /** A finished training's representation, or the exception it failed with. */
    private static Representation finished(Future<Representation> trained) {
        try {
            return trained.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }

    private void checkInputs(RepresentationSpec spec) {
        List<Modality> needed = new ArrayList<>(spec.inputsOrEmpty());
        if (spec.conditionedOnGenre()) {
            needed.add(Modality.GENRE);
        }
        for (Modality m : needed) {
            if (data.missing(m) == data.size()) {
                throw new ConfigException("representation '" + spec.name() + "' needs input '" + m.key()
                        + "', which no track of the collection has");
            }
        }
    }

    /** The spec's inputs, each scaled by its kind and weighted ({@link FeatureBlocks#weigh}). */
    private double[][] weighted(RepresentationSpec spec) {
        List<Modality> inputs = spec.inputs();
        List<FeatureBlocks.Block> blocks = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Modality m = inputs.get(i);
            blocks.add(m == Modality.CODEBOOK
                    ? new FeatureBlocks.Block(codebook(spec.words()), FeatureBlocks.scalingOf(m), null, spec.weight(i))
                    : data.weighted(m, spec.weight(i)));
        }
        return FeatureBlocks.weigh(blocks);
    }

    private Representation pca(RepresentationSpec spec, long seed) {
        double[][] x = weighted(spec);
        int dims = Math.min(spec.dim() == null ? 32 : spec.dim(), Math.min(x.length - 1, x[0].length));
        Pca.Model model = new Pca(dims, data.config().threads()).fit(x);
        String note = imputedNote(spec.inputs());
        if (dims < (spec.dim() == null ? 32 : spec.dim())) {
            note = ClusteringStage.join(note, "PCA capped at " + dims + " components by the data's size");
        }
        return new Representation(spec.name(), inputsText(spec.inputs()), leaks(spec.inputs()), seed,
                model.transform(x), List.of(), note);
    }

    /**
     * What one VAE fit needs: its settings, its architecture and the task's rows as its input;
     * {@code scheduleNote} says when the step budget shortened training (empty otherwise).
     */
    private record VaePlan(TrainConfig config, VaeSpec vaeSpec, VaeInput input, String scheduleNote) {
    }

    private VaePlan plan(RepresentationSpec spec, long seed) {
        List<Modality> inputs = spec.inputs();
        TrainingSettings t = data.config().training();
        int tracks = data.ids().size();
        int trainTracks = tracks - (int) Math.round(tracks * t.validationFraction());
        VaeSpec vaeSpec;
        VaeInput input;
        // Samples an epoch trains on, for the step budget: every window, two windows a track, or one row a track.
        int samplesPerEpoch = trainTracks;
        switch (spec.model()) {
            case CONV -> {
                float[][][][] patches = data.patches();
                vaeSpec = convSpec(spec, patches[0][0].length, patches[0][0][0].length);
                input = VaeInput.trackPatches(patches);
                samplesPerEpoch = trainTracks * (spec.windowDraw() == RepresentationSpec.WindowDraw.PAIRS ? 2
                        : patches[0].length);
            }
            case MULTIMODAL -> {
                List<float[][]> blocks = inputs.stream().map(data::floats).toList();
                vaeSpec = VaeSpec.multimodal(inputs.stream().map(Modality::key).toList(),
                        blocks.stream().map(b -> b[0].length).toList());
                input = VaeInput.modalities(blocks, inputs.stream().map(data::present).toList());
            }
            default -> {
                // Weighted like raw and PCA; the VAE keeps that balance by scaling all columns alike.
                float[][] x = FeatureBlocks.toFloat(weighted(spec));
                vaeSpec = VaeSpec.mlp(x[0].length).withSharedScaling();
                input = VaeInput.vectors(x);
            }
        }
        if (spec.conditionedOnGenre()) {
            float[][] condition = data.floats(Modality.GENRE);
            vaeSpec = vaeSpec.withConditionSize(condition[0].length);
            input = input.withCondition(condition);
        }
        vaeSpec = vaeSpec.withLatentDim(spec.latentDim()).withBeta(spec.betaValue()).withSeed(seed);
        TrainingSettings.Schedule schedule = t.schedule(spec.epochs() != null ? spec.epochs() : t.epochs(), samplesPerEpoch);
        TrainConfig config = new TrainConfig(schedule.epochs(), t.batchSize(), t.learningRate(),
                t.validationFraction(), schedule.patience(), BetaSchedule.LINEAR, schedule.warmupEpochs(),
                t.freeBits(), seed, data.config().threads(), spec.windowDraw() == RepresentationSpec.WindowDraw.PAIRS
                        ? TrainConfig.Windows.pairs(spec.consistencyWeight()) : TrainConfig.Windows.ALL);
        return new VaePlan(config, vaeSpec, input.withRowIds(data.ids()), schedule.note());
    }

    /** The ConvVAE of a {@code height} × {@code width} patch with the spec's patch scaling. */
    static VaeSpec convSpec(RepresentationSpec spec, int height, int width) {
        VaeSpec conv = VaeSpec.conv(height, width);
        return spec.scaling() == RepresentationSpec.PatchScaling.PER_BAND ? conv.withBandScaling() : conv;
    }

    private Representation vae(RepresentationSpec spec, long seed) {
        List<Modality> inputs = spec.inputs();
        VaePlan plan = plan(spec, seed);
        TrainConfig config = plan.config();
        VaeInput input = plan.input();
        String label = data.config().task() + "/" + spec.name() + " seed " + seed;
        long start = System.nanoTime();
        List<TrainingHistory> history;
        double[][] latent;
        try (Progress.Tracker bar = progress.start("train " + label, config.epochs());
             Vae vae = new Trainer(config).fit(plan.vaeSpec(), input, h -> bar.step(String.format(java.util.Locale.ROOT,
                     "loss %.3f KL %.3f active %d", h.loss(), h.kl(), h.activeUnits())))) {
            history = vae.history();
            latent = FeatureBlocks.toDouble(vae.encode(input));
            vae.save(modelsDir.resolve(spec.name() + "_s" + seed));
        }
        TrainingHistory last = history.get(history.size() - 1);
        progress.info(String.format(java.util.Locale.ROOT, "  %s: %d epochs in %.1f s, val loss %.3f, active units %d/%d",
                label, history.size(), (System.nanoTime() - start) / 1e9, last.validationLoss(), last.activeUnits(),
                spec.latentDim()));
        String note = imputedNote(inputs.stream().filter(m -> spec.model() != RepresentationSpec.Model.MULTIMODAL)
                .toList());
        note = ClusteringStage.join(note, plan.scheduleNote());
        if (last.activeUnits() < 2) {
            note = ClusteringStage.join(note, "collapsed: " + last.activeUnits() + " active latent units");
        }
        List<Modality> all = new ArrayList<>(inputs);
        if (spec.conditionedOnGenre()) {
            all.add(Modality.GENRE);
        }
        return new Representation(spec.name(), inputsText(inputs) + (spec.conditionedOnGenre() ? "+genre(condition)" : ""),
                leaks(all), seed, latent, history, note);
    }

    private Representation hybrid(RepresentationSpec spec, long seed, Map<String, Representation> earlier) {
        List<FeatureBlocks.Block> blocks = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        boolean leaks = false;
        String note = "";
        for (int i = 0; i < spec.parts().size(); i++) {
            String part = spec.parts().get(i);
            Representation r = earlier.get(part);
            if (r != null) {
                // An earlier representation is an embedding: scaled as a whole, never per column.
                blocks.add(new FeatureBlocks.Block(r.x(), FeatureBlocks.Scaling.WHOLE, null, spec.weight(i)));
                inputs.add(r.name());
                leaks |= r.usesLabels();
                note = ClusteringStage.join(note, r.note());
            } else {
                Modality m = Modality.parse(part);
                blocks.add(data.weighted(m, spec.weight(i)));
                inputs.add(m.key());
                leaks |= m == Modality.GENRE;
                note = ClusteringStage.join(note, imputedNote(List.of(m)));
            }
        }
        return new Representation(spec.name(), String.join("+", inputs), leaks, seed, FeatureBlocks.weigh(blocks),
                List.of(), note);
    }

    private String imputedNote(List<Modality> inputs) {
        if (!inputs.contains(Modality.LYRICS)) {
            return "";
        }
        int missing = data.missing(Modality.LYRICS);
        return missing == 0 ? "" : missing + " tracks without lyrics imputed with the mean embedding";
    }

    private static boolean leaks(List<Modality> inputs) {
        return inputs.contains(Modality.GENRE);
    }

    private static String inputsText(List<Modality> inputs) {
        return inputs.stream().map(Modality::key).collect(Collectors.joining("+"));
    }

    /** A copy a representation may own: the codebook rows are handed to every seed. */
    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
