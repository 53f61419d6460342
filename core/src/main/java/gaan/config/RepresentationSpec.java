package gaan.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One representation of the tracks that gets clustered. Lists in {@code latent} and {@code beta}
 * expand into one representation per combination ({@link #expand()}), which is how a task sweeps
 * latent sizes or β values.
 *
 * @param name      identifier used in result rows and file names
 * @param kind      {@code raw}: the inputs weighted and concatenated; {@code pca}: PCA of
 *                  that to {@code dim}; {@code vae}: latent means of a VAE; {@code hybrid}: named
 *                  {@code parts} (other representations or inputs) weighted and concatenated;
 *                  {@code codebook}: each track's stored timbre frames (MFCCs and spectral contrast) as a histogram over {@code dim}
 *                  words learnt from the collection ({@code gaan.cluster.BagOfFrames}), no inputs
 * @param inputs    modalities the representation reads (raw, pca, vae; {@code codebook}: mlp vae only)
 * @param model     VAE architecture: {@code mlp} (vectors), {@code conv} (log-mel patches),
 *                  {@code multimodal} (one encoder per input, product of experts)
 * @param condition {@code genre} makes a Conditional VAE (genre multi-hot concatenated to the
 *                  encoder input and to z); {@code none} by default
 * @param latent    latent dimension(s) of a VAE
 * @param beta      KL weight(s); β &gt; 1 is a Beta-VAE
 * @param dim       PCA components (capped by the data's rank); codebook words (default
 *                  {@value #DEFAULT_WORDS}) of a codebook representation or of a vae's {@code codebook} input
 * @param parts     hybrid: names of earlier representations or input modalities
 * @param weights   total weight of each input (raw, pca, mlp vae) or part (hybrid), default 1 each:
 *                  every block is scaled to the same total variance, then by its weight
 *                  ({@code gaan.experiment.FeatureBlocks#weigh}), so width does not decide a block's influence
 * @param epochs    overrides the task's training epochs for this VAE
 * @param scaling   conv VAE: how its log-mel patches are standardised ({@link PatchScaling}; default
 *                  {@code global})
 * @param windows   conv VAE: how an epoch draws a track's patches ({@link WindowDraw}; default
 *                  {@code all})
 * @param consistency conv VAE with {@code windows: pairs}: weight λ of the term pulling the latent
 *                  means of two windows of one track together, λ·½‖μ_a − μ_b‖² (default 0:
 *                  pairs as augmentation only)
 */
public record RepresentationSpec(String name, Kind kind, List<Modality> inputs, Model model, String condition,
                                 List<Integer> latent, List<Double> beta, Integer dim, List<String> parts,
                                 List<Double> weights, Integer epochs, PatchScaling scaling,
                                 WindowDraw windows, Double consistency) {

    /** How the representation is computed. */
    public enum Kind {
        RAW, PCA, VAE, HYBRID, CODEBOOK;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind parse(String text) {
            return parseEnum(Kind.class, text, "kind");
        }
    }

    /** VAE architecture. */
    public enum Model {
        MLP, CONV, MULTIMODAL;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Model parse(String text) {
            return parseEnum(Model.class, text, "model");
        }
    }

    /** How a conv VAE standardises its log-mel patches before training (mean and std, ddof 0). */
    public enum PatchScaling {
        /** One mean and std for all pixels of all patches. */
        GLOBAL,
        /** A mean and std per mel band (patch row), so quiet high bands weigh in the reconstruction like loud low ones. */
        PER_BAND;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static PatchScaling parse(String text) {
            return parseEnum(PatchScaling.class, text, "scaling");
        }
    }

    /**
     * How a VAE's epoch uses a track's several windows (the store's log-mel patches,
     * {@code features.patches}).
     */
    public enum WindowDraw {
        /** Every window of every training track once an epoch. */
        ALL,
        /**
         * Two distinct windows per training track, drawn afresh each epoch and trained in the same
         * batch: augmentation over the track's windows, and the pairs a consistency term needs.
         */
        PAIRS;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static WindowDraw parse(String text) {
            return parseEnum(WindowDraw.class, text, "windows");
        }
    }

    /** Window draw of a VAE: {@code windows}, else {@link WindowDraw#ALL}. */
    public WindowDraw windowDraw() {
        return windows == null ? WindowDraw.ALL : windows;
    }

    /** Consistency weight λ: {@code consistency}, else 0. */
    public double consistencyWeight() {
        return consistency == null ? 0 : consistency;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new ConfigException("unknown " + field + " '" + text + "': expected one of " + names);
    }

    /**
     * Codebook words when {@code dim} is not given: on real music 128 to 512 words clustered alike,
     * 256 at the middle (docs/quality.md).
     */
    public static final int DEFAULT_WORDS = 256;

    /** Words of a codebook representation or of a vae's codebook input: {@code dim}, else {@link #DEFAULT_WORDS}. */
    public int words() {
        return dim == null ? DEFAULT_WORDS : dim;
    }

    public boolean conditionedOnGenre() {
        return "genre".equals(condition);
    }

    public List<Modality> inputsOrEmpty() {
        return inputs == null ? List.of() : inputs;
    }

    /** Single-valued copies, one per latent × β combination, named {@code name_z<latent>_b<beta>} when there are several. */
    public List<RepresentationSpec> expand() {
        List<Integer> latents = latent == null ? java.util.Collections.singletonList(null) : latent;
        List<Double> betas = beta == null ? java.util.Collections.singletonList(null) : beta;
        boolean several = latents.size() * betas.size() > 1;
        List<RepresentationSpec> out = new ArrayList<>();
        for (Integer z : latents) {
            for (Double b : betas) {
                String n = name;
                if (several) {
                    n = name + (latents.size() > 1 ? "_z" + z : "") + (betas.size() > 1 ? "_b" + formatBeta(b) : "");
                }
                out.add(new RepresentationSpec(n, kind, inputs, model, condition,
                        z == null ? null : List.of(z), b == null ? null : List.of(b), dim, parts, weights, epochs,
                        scaling, windows, consistency));
            }
        }
        return out;
    }

    private static String formatBeta(Double b) {
        return b == Math.rint(b) ? String.valueOf(b.intValue()) : String.valueOf(b).replace('.', 'p');
    }

    /** Weight of input or part {@code i}: from {@code weights}, else 1. */
    public double weight(int i) {
        return weights == null ? 1.0 : weights.get(i);
    }

    public int latentDim() {
        return latent == null ? 32 : latent.get(0);
    }

    public double betaValue() {
        return beta == null ? 1.0 : beta.get(0);
    }

    void validate(String path, List<String> earlierNames) {
        FieldCheck.require(path + ".name", name);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException(path + ".name '" + name + "' may only hold letters, digits, '_', '.', '-'");
        }
        FieldCheck.require(path + ".kind", kind);
        FieldCheck.eachBetween(path + ".latent", latent, 1, Limits.MAX_LATENT, Limits.LATENT_WHY);
        FieldCheck.eachPositive(path + ".beta", beta);
        FieldCheck.atLeast(path + ".dim", dim, 1);
        FieldCheck.between(path + ".epochs", epochs, 1, Limits.MAX_EPOCHS, Limits.EPOCHS_WHY);
        if (scaling != null && (kind != Kind.VAE || model != Model.CONV)) {
            throw new ConfigException(path + ".scaling applies to conv vaes (log-mel patches) only; leave it out here");
        }
        if (windows != null && (kind != Kind.VAE || model != Model.CONV)) {
            throw new ConfigException(path + ".windows applies to conv vaes (several log-mel patches a track) only;"
                    + " leave it out here");
        }
        if (consistency != null) {
            FieldCheck.range(path + ".consistency", consistency, 0.0, Double.MAX_VALUE);
            if (windowDraw() != WindowDraw.PAIRS) {
                throw new ConfigException(path + ".consistency needs two windows of a track in one batch; add"
                        + " 'windows: pairs' to " + path);
            }
        }
        if (condition != null && !condition.equals("genre") && !condition.equals("none")) {
            throw new ConfigException(path + ".condition must be 'genre' or 'none', got '" + condition + "'");
        }
        if (weights != null) {
            int blocks = kind == Kind.HYBRID ? (parts == null ? 0 : parts.size()) : inputsOrEmpty().size();
            if (weights.size() != blocks) {
                throw new ConfigException(path + ".weights has " + weights.size() + " values for " + blocks
                        + (kind == Kind.HYBRID ? " parts" : " inputs"));
            }
            if (kind == Kind.VAE && model != null && model != Model.MLP) {
                throw new ConfigException(path + ".weights apply to raw, pca, hybrid and mlp vae inputs, not to a "
                        + model.key() + " vae");
            }
            for (int i = 0; i < weights.size(); i++) {
                FieldCheck.range(path + ".weights[" + i + "]", weights.get(i), 0.0, Double.MAX_VALUE);
            }
        }
        switch (kind) {
            case RAW, PCA -> {
                requireInputs(path);
                if (inputs.contains(Modality.CODEBOOK)) {
                    throw new ConfigException(path + ".inputs: codebook histograms are a representation of their own"
                            + " (kind: codebook) or the input of an mlp vae, not of a " + kind.key());
                }
            }
            case VAE -> {
                requireInputs(path);
                FieldCheck.require(path + ".model", model);
                if (model == Model.CONV && !inputs.equals(List.of(Modality.LOGMEL))) {
                    throw new ConfigException(path + ".inputs: a conv VAE reads exactly [logmel], got " + inputs);
                }
                if (model != Model.CONV && inputs.contains(Modality.LOGMEL)) {
                    throw new ConfigException(path + ".inputs: logmel patches need model: conv");
                }
                if (model == Model.MULTIMODAL && inputs.contains(Modality.CODEBOOK)) {
                    throw new ConfigException(path + ".inputs: codebook histograms feed model: mlp, not a multimodal vae");
                }
                if (inputs.contains(Modality.CODEBOOK)) {
                    FieldCheck.atLeast(path + ".dim", dim, 2);
                } else if (dim != null) {
                    throw new ConfigException(path + ".dim applies to a vae's codebook input (its words) only; leave it out here");
                }
            }
            case HYBRID -> {
                FieldCheck.require(path + ".parts", parts);
                FieldCheck.notEmpty(path + ".parts", parts);
                for (String p : parts) {
                    boolean known = earlierNames.contains(p);
                    if (!known) {
                        try {
                            Modality m = Modality.parse(p);
                            known = m != Modality.LOGMEL && m != Modality.CODEBOOK;
                        } catch (ConfigException e) {
                            known = false;
                        }
                    }
                    if (!known) {
                        throw new ConfigException(path + ".parts: '" + p + "' is neither an earlier representation "
                                + earlierNames + " nor an input (mfcc, descriptors, lyrics, genre; for codebook"
                                + " histograms name an earlier kind: codebook representation)");
                    }
                }
            }
            case CODEBOOK -> {
                if (inputs != null && !inputs.isEmpty()) {
                    throw new ConfigException(path + ".inputs: a codebook reads the stored timbre frames; remove inputs "
                            + inputs);
                }
                FieldCheck.atLeast(path + ".dim", dim, 2);
            }
            default -> throw new IllegalStateException();
        }
    }

    private void requireInputs(String path) {
        FieldCheck.require(path + ".inputs", inputs);
        FieldCheck.notEmpty(path + ".inputs", inputs);
    }
}
