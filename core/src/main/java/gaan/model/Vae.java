package gaan.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained VAE: its spec, weights, input standardisation and training history. Holds native
 * memory until {@link #close()}.
 *
 * <p>Checkpoint layout ({@link #save}): {@code spec.json} (the {@link VaeSpec}), {@code
 * parameters.bin} (DJL block parameters, float32), {@code normalisation.json} (per modality mean
 * and std) and {@code history.json} (the {@link TrainingHistory} rows).
 */
public final class Vae implements AutoCloseable {
    static final String SPEC = "spec.json";
    static final String PARAMETERS = "parameters.bin";
    static final String NORMALISATION = "normalisation.json";
    static final String HISTORY = "history.json";
    private static final int ENCODE_BATCH = 256;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Network network;
    private final Normalisation normalisation;
    private final List<TrainingHistory> history;

    Vae(Network network, Normalisation normalisation, List<TrainingHistory> history) {
        this.network = network;
        this.normalisation = normalisation;
        this.history = List.copyOf(history);
    }

    public VaeSpec spec() {
        return network.spec();
    }

    /** One row per epoch trained (after early stopping, the weights are the best epoch's). */
    public List<TrainingHistory> history() {
        return history;
    }

    /**
     * Posterior means μ, one row per track (tracks × latent). Patches of one track are averaged;
     * for a multimodal VAE the experts of the modalities present in a track are fused.
     */
    public float[][] encode(VaeInput in) {
        VaeSpec spec = spec();
        in.check(spec);
        int latent = spec.latentDim();
        double[][] sum = new double[in.tracks()][latent];
        int[] count = new int[in.tracks()];
        try (Autograd quiet = Autograd.off()) {
            for (int from = 0; from < in.samples(); from += ENCODE_BATCH) {
                int to = Math.min(in.samples(), from + ENCODE_BATCH);
                try (NDManager step = network.manager().newSubManager()) {
                    Dataset.Batch b = Dataset.upload(step, spec, normalisation, in, Dataset.range(from, to)).all();
                    float[] mu = network.encode(b.x(), b.mask(), b.condition(), false).mu().toFloatArray();
                    for (int s = from; s < to; s++) {
                        int t = in.trackOf(s);
                        count[t]++;
                        for (int d = 0; d < latent; d++) {
                            sum[t][d] += mu[(s - from) * latent + d];
                        }
                    }
                }
            }
        }
        float[][] out = new float[in.tracks()][latent];
        for (int t = 0; t < out.length; t++) {
            for (int d = 0; d < latent; d++) {
                out[t][d] = (float) (sum[t][d] / count[t]);
            }
        }
        return out;
    }

    /**
     * Decoder means for latent rows {@code z} (N × latent) and, for a conditional VAE, condition
     * rows (N × conditionSize; null otherwise). Each output row holds the reconstruction in the
     * input's units: the patch flattened row-major, or the modalities concatenated in spec order.
     */
    public float[][] decode(float[][] z, float[][] condition) {
        VaeSpec spec = spec();
        if ((condition == null) != (spec.conditionSize() == 0)) {
            throw new IllegalArgumentException("decode needs a condition exactly when the VaeSpec is conditional (conditionSize "
                    + spec.conditionSize() + ")");
        }
        try (Autograd quiet = Autograd.off(); NDManager step = network.manager().newSubManager()) {
            NDArray zs = step.create(z);
            if (zs.getShape().get(1) != spec.latentDim()) {
                throw new IllegalArgumentException("z has " + zs.getShape().get(1) + " columns, the latent has " + spec.latentDim());
            }
            NDArray c = condition == null ? null : step.create(condition);
            List<NDArray> parts = network.decode(zs, c, false);
            float[][] out = new float[z.length][];
            float[][] modality = new float[parts.size()][];
            int total = 0;
            for (int m = 0; m < parts.size(); m++) {
                modality[m] = parts.get(m).toFloatArray();
                normalisation.invert(m, modality[m], spec.width(m));
                total += spec.width(m);
            }
            for (int i = 0; i < z.length; i++) {
                out[i] = new float[total];
                int at = 0;
                for (int m = 0; m < parts.size(); m++) {
                    int w = spec.width(m);
                    System.arraycopy(modality[m], i * w, out[i], at, w);
                    at += w;
                }
            }
            return out;
        }
    }

    /** Writes the checkpoint into {@code dir} (created if needed; files replaced). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(SPEC).toFile(), spec());
            JSON.writeValue(dir.resolve(NORMALISATION).toFile(), normalisation);
            JSON.writeValue(dir.resolve(HISTORY).toFile(), history);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(PARAMETERS))))) {
                network.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write VAE checkpoint to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint written by {@link #save}. */
    public static Vae load(Path dir) {
        try {
            VaeSpec spec = readSpec(dir);
            Normalisation norm = JSON.readValue(dir.resolve(NORMALISATION).toFile(), Normalisation.class);
            List<TrainingHistory> history = readHistory(dir);
            Network network = new Network(spec);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(PARAMETERS))))) {
                network.load(in);
            } catch (MalformedModelException | IOException | RuntimeException e) {
                network.close();
                throw e;
            }
            return new Vae(network, norm, history);
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException(new IOException("cannot read VAE checkpoint " + dir
                    + " (expected " + SPEC + ", " + PARAMETERS + ", " + NORMALISATION + ", " + HISTORY + "): " + e.getMessage(), e));
        }
    }

    /** The spec of the checkpoint in {@code dir}, read without loading the weights (no native library). */
    public static VaeSpec readSpec(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(SPEC).toFile(), VaeSpec.class);
    }

    /** The training history of the checkpoint in {@code dir}, read without loading the weights. */
    public static List<TrainingHistory> readHistory(Path dir) throws IOException {
        return List.of(JSON.readValue(dir.resolve(HISTORY).toFile(), TrainingHistory[].class));
    }

    NDManager manager() {
        return network.manager();
    }

    @Override
    public void close() {
        network.close();
    }
}
