package gaan.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import gaan.audio.AudioFeatureParams;
import gaan.config.Modality;
import gaan.model.TrainConfig;
import gaan.model.Trainer;
import gaan.model.Vae;
import gaan.model.VaeInput;
import gaan.model.VaeKind;
import gaan.model.VaeSpec;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The representation stage on Spark: a VAE ({@link gaan.model}, as {@code gaan train}) trained on
 * the driver from a fixed-seed sample of the feature table's {@code ok} rows, broadcast as its
 * checkpoint bytes, and applied to every track in {@code mapPartitions}, giving the latent table
 * {@link Tables#LATENT_TABLE} (posterior means). The checkpoint is also saved under the output
 * folder's {@link Tables#MODEL_DIR}, readable by {@link Vae#load}.
 *
 * <p>Inputs: {@link Modality#MFCC} (MLP-VAE on the summary) or {@link Modality#LOGMEL} (ConvVAE on
 * the patches; a track's latent is the mean over its patches).
 */
public final class EncodeJob {
    /** Rows per {@link Vae#encode} call on an executor. */
    private static final int ENCODE_ROWS = 256;

    private final Modality input;
    private final VaeSpec spec;
    private final TrainConfig training;
    private final int sampleSize;

    /**
     * @param input      the feature the VAE reads (mfcc or logmel)
     * @param spec       the VAE; its input shape must match the feature
     * @param training   epochs, batch, seed, driver threads
     * @param sampleSize tracks the VAE is trained on at most (a sample drawn with the training seed)
     */
    public EncodeJob(Modality input, VaeSpec spec, TrainConfig training, int sampleSize) {
        if (input != Modality.MFCC && input != Modality.LOGMEL) {
            throw new IllegalArgumentException("the Spark job encodes mfcc or logmel, not " + input);
        }
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be >= 2, got " + sampleSize);
        }
        this.input = input;
        this.spec = spec;
        this.training = training;
        this.sampleSize = sampleSize;
    }

    /** The VAE that reads {@code input} (mfcc: MLP-VAE on the summary; logmel: ConvVAE on the patches), default sizes. */
    static VaeSpec spec(Modality input, AudioFeatureParams params) {
        return input == Modality.LOGMEL ? VaeSpec.conv(params.nMels(), params.patchFrames())
                : VaeSpec.mlp(params.summaryLength());
    }

    /** The feature a VAE of {@link #spec} reads. */
    static Modality inputOf(VaeSpec spec) {
        return spec.kind() == VaeKind.CONV ? Modality.LOGMEL : Modality.MFCC;
    }

    /** The checkpoint's files by name, and their digest naming this model on the executors. */
    record Checkpoint(String digest, Map<String, byte[]> files) implements Serializable {
    }

    /** Trains on a sample of {@code featureDir}, writes the latent table and the model under {@code outDir}; returns the rows written. */
    public long run(SparkSession spark, String featureDir, String outDir) {
        Dataset<Row> ok = Tables.current(spark.read().parquet(featureDir))
                .filter(col(Tables.STATUS).equalTo(Tables.OK))
                .select(Tables.ID, Tables.LABEL, input.storeName(), Tables.LOGMEL_SHAPE);
        long n = ok.count();
        if (n < 2) {
            throw new IllegalArgumentException("the feature table " + featureDir + " has " + n
                    + " track(s) with status ok; training needs at least 2 (run the features stage first)");
        }
        double fraction = Math.min(1.0, (double) sampleSize / n);
        List<Row> sample = new ArrayList<>((fraction < 1 ? ok.sample(false, fraction, training.seed()) : ok)
                .orderBy(Tables.ID).collectAsList());
        Checkpoint checkpoint;
        try (Vae vae = new Trainer(training).fit(spec, input(input, sample))) {
            checkpoint = save(vae, spark, outDir + "/" + Tables.MODEL_DIR);
        }
        Broadcast<Checkpoint> model = spark.sparkContext().broadcast(checkpoint,
                scala.reflect.ClassTag$.MODULE$.apply(Checkpoint.class));
        String latentDir = outDir + "/" + Tables.LATENT_DIR;
        ok.mapPartitions(new Encode(input, model), Encoders.row(Tables.LATENT_TABLE)).write().parquet(latentDir);
        return spark.read().parquet(latentDir).count();
    }

    /** The VAE input of feature rows {@code (id, label, feature, logmel_shape)}. */
    static VaeInput input(Modality input, List<Row> rows) {
        if (input == Modality.MFCC) {
            float[][] x = new float[rows.size()][];
            for (int i = 0; i < x.length; i++) {
                List<Float> v = rows.get(i).getList(2);
                x[i] = new float[v.size()];
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = v.get(j);
                }
            }
            return VaeInput.vectors(x);
        }
        float[][][][] x = new float[rows.size()][][][];
        for (int i = 0; i < x.length; i++) {
            List<Integer> shape = rows.get(i).getList(3);
            ByteBuffer bytes = ByteBuffer.wrap((byte[]) rows.get(i).get(2)).order(ByteOrder.LITTLE_ENDIAN);
            x[i] = new float[shape.get(0)][shape.get(1)][shape.get(2)];
            for (float[][] patch : x[i]) {
                for (float[] band : patch) {
                    bytes.asFloatBuffer().get(band);
                    bytes.position(bytes.position() + 4 * band.length);
                }
            }
        }
        return VaeInput.trackPatches(x);
    }

    private static Checkpoint save(Vae vae, SparkSession spark, String modelDir) {
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("gaan-vae");
            vae.save(local);
            Map<String, byte[]> files = new TreeMap<>();
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            try (Stream<java.nio.file.Path> list = Files.list(local)) {
                for (java.nio.file.Path f : list.sorted().toList()) {
                    byte[] b = Files.readAllBytes(f);
                    files.put(f.getFileName().toString(), b);
                    md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(b);
                }
            }
            Path target = new Path(modelDir);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
            return new Checkpoint(HexFormat.of().formatHex(md.digest()), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the VAE to " + modelDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        } finally {
            deleteTree(local);
        }
    }

    static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
            for (java.nio.file.Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder we made; the OS cleans it if we cannot.
        }
    }

    /** The executor side: one partition of feature rows to latent rows. */
    private static final class Encode implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        /** The model each executor thread encodes with, loaded once per thread and model. */
        private static final ThreadLocal<Loaded> MODEL = new ThreadLocal<>();

        private record Loaded(String digest, Vae vae) {
        }

        private final Modality input;
        private final Broadcast<Checkpoint> model;

        Encode(Modality input, Broadcast<Checkpoint> model) {
            this.input = input;
            this.model = model;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Vae vae = vae(model.value());
            List<Row> out = new ArrayList<>();
            List<Row> batch = new ArrayList<>(ENCODE_ROWS);
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == ENCODE_ROWS || !rows.hasNext()) {
                    float[][] z = vae.encode(input(input, batch));
                    for (int i = 0; i < z.length; i++) {
                        List<Float> latent = new ArrayList<>(z[i].length);
                        for (float v : z[i]) {
                            latent.add(v);
                        }
                        out.add(RowFactory.create(batch.get(i).getString(0), batch.get(i).get(1), Tables.seq(latent)));
                    }
                    batch.clear();
                }
            }
            return out.iterator();
        }

        private static Vae vae(Checkpoint c) {
            Loaded loaded = MODEL.get();
            if (loaded != null && loaded.digest().equals(c.digest())) {
                return loaded.vae();
            }
            if (loaded != null) {
                loaded.vae().close();
            }
            java.nio.file.Path dir = null;
            try {
                dir = Files.createTempDirectory("gaan-vae");
                for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
                    Files.write(dir.resolve(f.getKey()), f.getValue());
                }
                Vae vae = Vae.load(dir);
                MODEL.set(new Loaded(c.digest(), vae));
                return vae;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the broadcast VAE: " + e.getMessage(), e);
            } finally {
                deleteTree(dir);
            }
        }
    }
}
