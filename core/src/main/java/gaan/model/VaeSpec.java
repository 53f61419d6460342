package gaan.model;

import java.util.List;

/**
 * Everything that determines a VAE's architecture and initial weights; serialised as {@code
 * spec.json} in a checkpoint.
 *
 * <ul>
 *   <li>{@code inputShape}: MLP {@code [features]}; CONV {@code [height, width]} of one
 *       single-channel patch (both divisible by 2^{hiddenSizes.size()}); MULTIMODAL the feature
 *       count of each modality, in the order of {@code modalities}.
 *   <li>{@code hiddenSizes}: MLP/MULTIMODAL the encoder's hidden layer widths (decoder mirrored);
 *       CONV the channels of the stride-2 convolutions (decoder mirrored with pixel-shuffle
 *       upsampling, since DJL's PyTorch engine has no transposed convolution).
 *   <li>{@code beta}: the KL weight (β-VAE when ≠ 1); the training schedule ramps towards it.
 *   <li>{@code conditionSize}: 0 for an unconditional VAE; &gt; 0 for a conditional VAE whose
 *       condition is concatenated to the encoder input (CONV: to the flattened convolution
 *       features) and to z for the decoder.
 *   <li>{@code seed}: initial weights.
 *   <li>{@code scaling}: how inputs are standardised before training ({@link Scaling}); absent in
 *       checkpoints written before it existed, which mean {@link Scaling#PER_FEATURE}.
 * </ul>
 */
public record VaeSpec(
        VaeKind kind,
        List<Integer> inputShape,
        List<String> modalities,
        List<Integer> hiddenSizes,
        int latentDim,
        double beta,
        int conditionSize,
        long seed,
        Scaling scaling) {

    /** How the training data are standardised (statistics over present rows, ddof 0). */
    public enum Scaling {
        /** MLP and multimodal: a mean and std per feature; CONV: one pair for all pixels. */
        PER_FEATURE,
        /**
         * One mean and std for all features of a modality, so a balance between columns set
         * upstream (block weights) survives training.
         */
        SHARED,
        /**
         * CONV: a mean and std per mel band (patch row) over all frames of the collection's
         * patches, so quiet high bands weigh in the reconstruction like loud low ones instead of
         * the global pair leaving them near zero.
         */
        PER_BAND
    }

    public static final List<Integer> MLP_HIDDEN = List.of(512, 256);
    public static final List<Integer> CONV_CHANNELS = List.of(32, 64, 128, 256);
    public static final int DEFAULT_LATENT = 32;

    public VaeSpec {
        scaling = scaling == null ? Scaling.PER_FEATURE : scaling;
        inputShape = List.copyOf(inputShape);
        modalities = List.copyOf(modalities);
        hiddenSizes = List.copyOf(hiddenSizes);
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be ≥ 1, got " + latentDim);
        }
        if (beta < 0 || conditionSize < 0) {
            throw new IllegalArgumentException("beta and conditionSize must be ≥ 0, got " + beta + ", " + conditionSize);
        }
        if (inputShape.stream().anyMatch(s -> s < 1) || hiddenSizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("inputShape and hiddenSizes must be positive: " + inputShape + ", " + hiddenSizes);
        }
        switch (kind) {
            case MLP -> require(inputShape.size() == 1, "MLP inputShape is [features], got " + inputShape);
            case CONV -> {
                require(inputShape.size() == 2, "CONV inputShape is [height, width], got " + inputShape);
                int factor = 1 << hiddenSizes.size();
                require(inputShape.get(0) % factor == 0 && inputShape.get(1) % factor == 0,
                        "CONV inputShape " + inputShape + " must be divisible by " + factor
                                + " (2^number of conv layers " + hiddenSizes + ")");
            }
            case MULTIMODAL -> require(inputShape.size() == modalities.size() && !modalities.isEmpty(),
                    "MULTIMODAL needs one feature count per modality, got " + inputShape + " for " + modalities);
        }
        require(kind == VaeKind.MULTIMODAL || modalities.isEmpty(), kind + " takes no modality names");
        require(scaling != Scaling.PER_BAND || kind == VaeKind.CONV, "per-band scaling is for CONV patches, not " + kind);
    }

    /** MLP-VAE over {@code features}-wide vectors: 512→256 hidden, latent 32, β 1, seed 0. */
    public static VaeSpec mlp(int features) {
        return new VaeSpec(VaeKind.MLP, List.of(features), List.of(), MLP_HIDDEN, DEFAULT_LATENT, 1.0, 0, 0, Scaling.PER_FEATURE);
    }

    /** ConvVAE over height×width patches: channels 32→64→128→256, latent 32, β 1, seed 0. */
    public static VaeSpec conv(int height, int width) {
        return new VaeSpec(VaeKind.CONV, List.of(height, width), List.of(), CONV_CHANNELS, DEFAULT_LATENT, 1.0, 0, 0, Scaling.PER_FEATURE);
    }

    /** Multimodal VAE with one MLP expert per named modality of the given width. */
    public static VaeSpec multimodal(List<String> modalities, List<Integer> features) {
        return new VaeSpec(VaeKind.MULTIMODAL, features, modalities, MLP_HIDDEN, DEFAULT_LATENT, 1.0, 0, 0, Scaling.PER_FEATURE);
    }

    public VaeSpec withHiddenSizes(List<Integer> sizes) {
        return new VaeSpec(kind, inputShape, modalities, sizes, latentDim, beta, conditionSize, seed, scaling);
    }

    public VaeSpec withLatentDim(int latent) {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latent, beta, conditionSize, seed, scaling);
    }

    public VaeSpec withBeta(double b) {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latentDim, b, conditionSize, seed, scaling);
    }

    /** A conditional VAE taking a {@code size}-wide condition row per sample. */
    public VaeSpec withConditionSize(int size) {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latentDim, beta, size, seed, scaling);
    }

    public VaeSpec withSeed(long s) {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latentDim, beta, conditionSize, s, scaling);
    }

    /** This spec with one mean and std for all features ({@link Scaling#SHARED}). */
    public VaeSpec withSharedScaling() {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latentDim, beta, conditionSize, seed,
                Scaling.SHARED);
    }

    /** This CONV spec with a mean and std per patch row ({@link Scaling#PER_BAND}). */
    public VaeSpec withBandScaling() {
        return new VaeSpec(kind, inputShape, modalities, hiddenSizes, latentDim, beta, conditionSize, seed,
                Scaling.PER_BAND);
    }

    /** Number of modalities (1 for MLP and CONV). */
    int modalityCount() {
        return kind == VaeKind.MULTIMODAL ? inputShape.size() : 1;
    }

    /** Values per sample of modality {@code m}. */
    int width(int m) {
        return kind == VaeKind.CONV ? inputShape.get(0) * inputShape.get(1) : inputShape.get(m);
    }

    String modalityName(int m) {
        return kind == VaeKind.MULTIMODAL ? modalities.get(m) : kind == VaeKind.CONV ? "patches" : "features";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
