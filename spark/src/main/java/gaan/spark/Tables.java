package gaan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tables the job reads and writes, their column names and types.
 *
 * <ul>
 *   <li>Track table (input, CSV with a header or Parquet): {@code id}, {@code audio} (a path or
 *       URI; relative paths are taken from the table's folder), optional {@code lyrics},
 *       {@code genres} ({@code |}-separated text or array of strings, primary first) and
 *       {@code label}.</li>
 *   <li>Feature table ({@link #FEATURES}): one row per track and extraction;
 *       {@code mfcc_summary} is the store's {@code mfcc_summary.npy} row (MFCC means then standard
 *       deviations, float32), {@code descriptors} the store's {@code descriptors.npy} row (columns
 *       named by {@code DescriptorSummary.names}, the store's {@code descriptor_names.txt}),
 *       {@code logmel_patch} the store's {@code logmel_patch.npy} row as
 *       little-endian float32 bytes of shape {@code logmel_shape} (patches, bands, frames, C
 *       order); all three are null when {@code status} is not {@code ok}.</li>
 *   <li>Latent table ({@link #LATENT}): {@code id}, {@code label}, {@code latent} (posterior
 *       means, float32).</li>
 *   <li>Assignments ({@link #ASSIGNMENTS}): long format {@code id, run, cluster}.</li>
 * </ul>
 */
final class Tables {
    static final String ID = "id";
    static final String AUDIO = "audio";
    static final String GENRES = "genres";
    static final String LABEL = "label";
    static final String CONTENT_KEY = "content_key";
    static final String PARAMS_KEY = "params_key";
    static final String STATUS = "status";
    static final String REASON = "reason";
    static final String DURATION = "duration_s";
    static final String PADDED = "padded";
    static final String MFCC_SUMMARY = "mfcc_summary";
    static final String DESCRIPTORS = "descriptors";
    static final String LOGMEL_SHAPE = "logmel_shape";
    static final String LOGMEL_PATCH = "logmel_patch";
    static final String EXTRACTED_AT = "extracted_at_ms";
    static final String LATENT = "latent";
    static final String RUN = "run";
    static final String CLUSTER = "cluster";

    /** Statuses: features computed; the file's own fault (kept, not retried); not the file's fault (retried on re-run). */
    static final String OK = "ok";
    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";

    /** The normalised track table: what {@link TrackTable} hands to the feature stage. */
    static final StructType TRACKS = new StructType()
            .add(ID, DataTypes.StringType, false)
            .add(AUDIO, DataTypes.StringType, true)
            .add(GENRES, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(LABEL, DataTypes.StringType, true);

    static final StructType FEATURES = new StructType()
            .add(ID, DataTypes.StringType, false)
            .add(AUDIO, DataTypes.StringType, true)
            .add(LABEL, DataTypes.StringType, true)
            .add(GENRES, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(CONTENT_KEY, DataTypes.StringType, true)
            .add(PARAMS_KEY, DataTypes.StringType, false)
            .add(STATUS, DataTypes.StringType, false)
            .add(REASON, DataTypes.StringType, false)
            .add(DURATION, DataTypes.DoubleType, false)
            .add(PADDED, DataTypes.BooleanType, false)
            .add(MFCC_SUMMARY, DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add(DESCRIPTORS, DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add(LOGMEL_SHAPE, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add(LOGMEL_PATCH, DataTypes.BinaryType, true)
            .add(EXTRACTED_AT, DataTypes.LongType, false);

    static final StructType LATENT_TABLE = new StructType()
            .add(ID, DataTypes.StringType, false)
            .add(LABEL, DataTypes.StringType, true)
            .add(LATENT, DataTypes.createArrayType(DataTypes.FloatType, false), false);

    /** Sub-folders of the job's output folder. */
    static final String FEATURES_DIR = "features";
    static final String LATENT_DIR = "latent";
    static final String MODEL_DIR = "model";
    static final String ASSIGNMENTS_DIR = "assignments";
    static final String SCORES_CSV = "scores.csv";

    private Tables() {
    }

    /** A Java list as the Scala sequence an array column takes in a {@code Row}. */
    static scala.collection.immutable.Seq<?> seq(java.util.List<?> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
    }

    /** A Java array as an array<float> cell. */
    static scala.collection.immutable.Seq<?> cell(float[] values) {
        java.util.List<Float> out = new java.util.ArrayList<>(values.length);
        for (float v : values) {
            out.add(v);
        }
        return seq(out);
    }

    /** An array<float> cell as a Java array. */
    static float[] floats(java.util.List<Float> cell) {
        float[] out = new float[cell.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cell.get(i);
        }
        return out;
    }

    /**
     * The newest row of every track in a feature table: a re-run appends a row for a track whose
     * file changed, and the older one stays behind.
     */
    static Dataset<Row> current(Dataset<Row> features) {
        return features
                .withColumn("_newest", row_number().over(Window.partitionBy(ID).orderBy(col(EXTRACTED_AT).desc())))
                .filter(col("_newest").equalTo(1))
                .drop("_newest");
    }
}
