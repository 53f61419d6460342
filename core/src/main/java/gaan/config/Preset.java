package gaan.config;

import static gaan.config.ClusteringSpec.Algorithm.AGGLOMERATIVE;
import static gaan.config.ClusteringSpec.Algorithm.DBSCAN;
import static gaan.config.ClusteringSpec.Algorithm.GMM;
import static gaan.config.ClusteringSpec.Algorithm.HDBSCAN;
import static gaan.config.ClusteringSpec.Algorithm.KMEANS;
import static gaan.config.ClusteringSpec.Algorithm.SPECTRAL;
import static gaan.config.RepresentationSpec.Kind.CODEBOOK;
import static gaan.config.RepresentationSpec.Kind.HYBRID;
import static gaan.config.RepresentationSpec.Kind.PCA;
import static gaan.config.RepresentationSpec.Kind.RAW;
import static gaan.config.RepresentationSpec.Kind.VAE;
import static gaan.config.RepresentationSpec.Model.CONV;
import static gaan.config.RepresentationSpec.Model.MLP;
import static gaan.config.RepresentationSpec.Model.MULTIMODAL;

import java.util.List;
import java.util.Locale;

/**
 * The three difficulty levels of the seed notebooks, and {@code music} for real collections, as
 * ready experiments. Each compares its VAE
 * representations against PCA + clustering and the raw features clustered directly, on the same
 * tracks. Print one as YAML with {@code gaan run --task easy --print-config} to start a custom file.
 */
public enum Preset {
    /** MFCC mean+std → MLP-VAE → K-Means; baselines PCA + K-Means and raw MFCC + K-Means. */
    EASY,
    /**
     * Log-mel patches → ConvVAE (latent 32, and 16 as {@code conv_vae_small}: two specs rather than
     * a latent list, so {@code --latent} keeps the hybrid's part name), hybrid with lyrics; baselines on the log-mel
     * patches themselves (PCA, raw) and on MFCCs; K-Means k-sweep, Ward, DBSCAN grid.
     */
    MEDIUM,
    /** CVAE on genre, Beta-VAE over β, multimodal VAE; every clusterer; three seeds. */
    HARD,
    /**
     * Real music by how it sounds: the MIR descriptor vector, each descriptor group (MFCC, Δ-MFCC,
     * log-mel, spectral shape, contrast, chroma, rhythm, texture) weighted equally, clustered raw,
     * as PCA 16 and as an MLP-VAE latent (16), and the tracks' timbre frames (MFCCs and spectral contrast) as codebook histograms
     * ({@code timbre_codebook}, 256 words), by spectral clustering (kNN graph) with k by
     * the modularity of the cut on the graph; three seeds. Needs audio only. Spectral alone because
     * it was the strongest clusterer on real music and its k-selection the one that found the classes'
     * count; K-Means and Ward with k by silhouette split in two, and MFCC alone is weaker: both only
     * add candidates the recommendation then prefers for their stability (docs/quality.md).
     */
    MUSIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset parse(String text) {
        return RepresentationSpec.parseEnum(Preset.class, text, "task");
    }

    public ExperimentConfig config() {
        return switch (this) {
            case EASY -> new ExperimentConfig("easy", List.of(1L), null, null, null,
                    new FeatureSettings(null, null, null, null, null, null),
                    new TrainingSettings(100, 32, 1e-3, null, 20, 20, null, null),
                    List.of(vae("mlp_vae", MLP, List.of(Modality.MFCC), null, List.of(32), null),
                            pca("pca", List.of(Modality.MFCC), 32),
                            raw("raw_mfcc", List.of(Modality.MFCC))),
                    List.of(ClusteringSpec.of(KMEANS)));
            case MEDIUM -> new ExperimentConfig("medium", List.of(1L), null, null, null,
                    new FeatureSettings(null, null, null, null, null, "exclude"),
                    new TrainingSettings(40, 16, 1e-3, null, 10, 10, null, null),
                    List.of(vae("conv_vae", CONV, List.of(Modality.LOGMEL), null, List.of(32), null),
                            vae("conv_vae_small", CONV, List.of(Modality.LOGMEL), null, List.of(16), null),
                            new RepresentationSpec("hybrid", HYBRID, null, null, null, null, null, null,
                                    List.of("conv_vae", "lyrics"), List.of(1.0, 1.0), null, null, null, null),
                            pca("pca_logmel", List.of(Modality.LOGMEL), 32),
                            raw("raw_logmel", List.of(Modality.LOGMEL)),
                            pca("pca_mfcc", List.of(Modality.MFCC), 32),
                            raw("raw_mfcc", List.of(Modality.MFCC)),
                            raw("raw_mfcc_lyrics", List.of(Modality.MFCC, Modality.LYRICS))),
                    List.of(ClusteringSpec.of(KMEANS).withK(List.of(3, 4, 5, 6, 7, 8, 9, 10)),
                            new ClusteringSpec(AGGLOMERATIVE, null, List.of("ward"), null, null, null, null, null),
                            new ClusteringSpec(DBSCAN, null, null, null, List.of(0.75, 1.0, 1.5), List.of(3, 5),
                                    null, null)));
            case HARD -> new ExperimentConfig("hard", List.of(1L, 2L, 3L), null, null, null,
                    new FeatureSettings(null, null, null, null, null, "impute"),
                    new TrainingSettings(80, 32, 1e-3, null, 20, 20, null, null),
                    List.of(vae("cvae", MLP, List.of(Modality.MFCC), "genre", List.of(32), null),
                            vae("beta_vae", MLP, List.of(Modality.MFCC), null, List.of(32), List.of(0.5, 2.0, 4.0)),
                            vae("multimodal", MULTIMODAL, List.of(Modality.MFCC, Modality.LYRICS, Modality.GENRE),
                                    null, List.of(32), null),
                            vae("multimodal_audio_lyrics", MULTIMODAL, List.of(Modality.MFCC, Modality.LYRICS),
                                    null, List.of(32), null),
                            pca("pca_mfcc", List.of(Modality.MFCC), 32),
                            raw("raw_mfcc", List.of(Modality.MFCC))),
                    List.of(ClusteringSpec.of(KMEANS),
                            new ClusteringSpec(AGGLOMERATIVE, null, List.of("ward", "average"), null, null, null,
                                    null, null),
                            new ClusteringSpec(DBSCAN, null, null, null, List.of(1.0), List.of(5), null, null),
                            new ClusteringSpec(HDBSCAN, null, null, null, null, null, List.of(5), null),
                            new ClusteringSpec(GMM, null, null, null, null, null, null, List.of("diag"))));
            case MUSIC -> new ExperimentConfig("music", List.of(1L, 2L, 3L), null, null, null,
                    new FeatureSettings(null, null, null, null, null, null),
                    new TrainingSettings(150, 32, 1e-3, null, 30, 20, null, null),
                    List.of(raw("raw_descriptors", List.of(Modality.DESCRIPTORS)),
                            pca("pca_descriptors", List.of(Modality.DESCRIPTORS), 16),
                            vae("vae_descriptors", MLP, List.of(Modality.DESCRIPTORS), null, List.of(16), null),
                            new RepresentationSpec("timbre_codebook", CODEBOOK, null, null, null, null, null, null,
                                    null, null, null, null, null, null),
                            vae("vae_codebook", MLP, List.of(Modality.CODEBOOK), null, List.of(16), List.of(2.0))),
                    List.of(ClusteringSpec.of(SPECTRAL)));
        };
    }

    private static RepresentationSpec vae(String name, RepresentationSpec.Model model, List<Modality> inputs,
                                          String condition, List<Integer> latent, List<Double> beta) {
        return new RepresentationSpec(name, VAE, inputs, model, condition, latent, beta, null, null, null, null, null, null, null);
    }

    private static RepresentationSpec pca(String name, List<Modality> inputs, int dim) {
        return new RepresentationSpec(name, PCA, inputs, null, null, null, null, dim, null, null, null, null, null, null);
    }

    private static RepresentationSpec raw(String name, List<Modality> inputs) {
        return new RepresentationSpec(name, RAW, inputs, null, null, null, null, null, null, null, null, null, null, null);
    }
}
