package gaan.model;

/** The network families a {@link VaeSpec} can describe. */
public enum VaeKind {
    /** Fully connected encoder and mirrored decoder over one feature vector per row. */
    MLP,
    /** Stride-2 convolutions over single-channel patches (log-mel), pixel-shuffle upsampling decoder. */
    CONV,
    /** One MLP encoder and decoder per modality, fused by a product of Gaussian experts. */
    MULTIMODAL
}
