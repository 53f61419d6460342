package gaan.spark;

import static org.apache.spark.sql.functions.col;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import gaan.audio.AudioAnalyzer;
import gaan.audio.AudioDecodeException;
import gaan.audio.AudioDecoder;
import gaan.audio.AudioFeatureParams;
import gaan.audio.AudioFeatures;
import gaan.audio.DecodedAudio;
import gaan.features.FeatureExtractor;
import gaan.features.TrackLimits;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The feature stage on Spark: every track of a track table through gaan's own decoder and
 * {@link AudioAnalyzer} (the code and floats of {@code gaan features}) in {@code mapPartitions},
 * appended to a Parquet feature table ({@link Tables#FEATURES}).
 *
 * <p>A track's content key is {@link FeatureExtractor#contentKey} of its file's SHA-1, so a track
 * whose (id, content key) already has an {@code ok} or {@code skipped} row is not decoded again on
 * a re-run; a {@code failed} track (not the file's fault, e.g. out of memory) is retried. A file
 * that is missing or cannot be decoded becomes a {@code skipped} row with its reason, never a
 * failed stage. Files on a non-local file system are copied to the executor's temporary folder
 * for FFmpeg and deleted after.
 *
 * <p>Which tracks are used follows {@code gaan features} ({@link TrackLimits}): a file above
 * {@code maxAudioBytes} is not read; a truncated file (less audio than its header declares) is
 * used when what it holds reaches {@code minSeconds}, its {@code reason} naming both lengths, and a
 * shorter track, truncated or not, is {@code skipped} with its lengths. The verdict is written with
 * the row: a re-run with another minimum leaves rows already written as they are.
 *
 * <p>Each executor thread keeps one {@link AudioAnalyzer} (its FFmpeg and FFT contexts), so an
 * executor with {@code spark.executor.cores = C} runs C decoders at once.
 */
public final class FeatureJob {
    private final AudioFeatureParams params;
    private final TrackLimits limits;
    private final int partitions;

    /**
     * @param params     the feature parameters (as {@code gaan features})
     * @param limits     which tracks are used (as {@code gaan features}: {@code features.minSeconds},
     *                   {@code features.maxAudioBytes})
     * @param partitions tasks the track table is split into; 0 = four per core of the cluster
     */
    public FeatureJob(AudioFeatureParams params, TrackLimits limits, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
        this.params = params;
        this.limits = limits;
        this.partitions = partitions;
    }

    /**
     * What one run did.
     *
     * @param tracks    rows of the track table with an id
     * @param extracted tracks decoded and analysed now
     * @param reused    tracks whose content key already had a row
     * @param skipped   tracks written as {@code skipped} or {@code failed} now
     */
    public record Summary(long tracks, long extracted, long reused, long skipped) {
    }

    /** Extracts the tracks of {@code trackTable} into the feature table at {@code featureDir}. */
    public Summary run(SparkSession spark, String trackTable, String featureDir) {
        Dataset<Row> tracks = TrackTable.read(spark, trackTable);
        int tasks = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
        Broadcast<Set<String>> done = spark.sparkContext().broadcast(doneKeys(spark, featureDir),
                scala.reflect.ClassTag$.MODULE$.apply(Set.class));
        LongAccumulator extracted = spark.sparkContext().longAccumulator("gaan tracks extracted");
        LongAccumulator reused = spark.sparkContext().longAccumulator("gaan tracks reused");
        LongAccumulator skipped = spark.sparkContext().longAccumulator("gaan tracks skipped");
        Extract extract = new Extract(params, limits, new HadoopConf(spark.sparkContext().hadoopConfiguration()), done,
                extracted, reused, skipped);
        tracks.repartition(tasks)
                .mapPartitions(extract, Encoders.row(Tables.FEATURES))
                .write().mode(SaveMode.Append).parquet(featureDir);
        return new Summary(extracted.value() + reused.value() + skipped.value(), extracted.value(), reused.value(),
                skipped.value());
    }

    /** {@code id + '\t' + content key} of every row that needs no new attempt. */
    private Set<String> doneKeys(SparkSession spark, String featureDir) {
        if (!exists(spark, featureDir)) {
            return new HashSet<>();
        }
        List<Row> rows = spark.read().parquet(featureDir)
                .filter(col(Tables.STATUS).notEqual(Tables.FAILED).and(col(Tables.PARAMS_KEY).equalTo(params.cacheKey())))
                .select(Tables.ID, Tables.CONTENT_KEY).distinct().collectAsList();
        Set<String> keys = new HashSet<>(rows.size() * 2);
        for (Row r : rows) {
            keys.add(r.getString(0) + '\t' + r.getString(1));
        }
        return keys;
    }

    static boolean exists(SparkSession spark, String dir) {
        try {
            Path p = new Path(dir);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot look at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The executor side: one partition of normalised tracks to feature rows. */
    private static final class Extract implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        /** One analyzer (FFT, filterbank and FFmpeg scratch) per executor thread, reused across tasks. */
        private static final ThreadLocal<AudioAnalyzer> ANALYZER = new ThreadLocal<>();

        private final AudioFeatureParams params;
        private final TrackLimits limits;
        private final HadoopConf conf;
        private final Broadcast<Set<String>> done;
        private final LongAccumulator extracted;
        private final LongAccumulator reused;
        private final LongAccumulator skipped;

        Extract(AudioFeatureParams params, TrackLimits limits, HadoopConf conf, Broadcast<Set<String>> done,
                LongAccumulator extracted, LongAccumulator reused, LongAccumulator skipped) {
            this.params = params;
            this.limits = limits;
            this.conf = conf;
            this.done = done;
            this.extracted = extracted;
            this.reused = reused;
            this.skipped = skipped;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> tracks) {
            AudioAnalyzer analyzer = analyzer(params);
            AudioDecoder decoder = new AudioDecoder(params.sampleRate());
            Set<String> keys = done.value();
            return new Iterator<>() {
                private Row next;

                @Override
                public boolean hasNext() {
                    while (next == null && tracks.hasNext()) {
                        next = process(tracks.next(), keys, decoder, analyzer);
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row r = next;
                    next = null;
                    return r;
                }
            };
        }

        private static AudioAnalyzer analyzer(AudioFeatureParams params) {
            AudioAnalyzer a = ANALYZER.get();
            if (a == null || !a.params().equals(params)) {
                a = new AudioAnalyzer(params);
                ANALYZER.set(a);
            }
            return a;
        }

        /** The track's feature row, or null when its content key already has one. */
        private Row process(Row track, Set<String> keys, AudioDecoder decoder, AudioAnalyzer analyzer) {
            String id = track.getString(0);
            String audio = track.isNullAt(1) ? null : track.getString(1);
            if (audio == null) {
                skipped.add(1);
                return row(track, null, Tables.SKIPPED, "the track table gives no audio path", null);
            }
            Path path = new Path(audio);
            java.nio.file.Path copy = null;
            try {
                FileSystem fs = path.getFileSystem(conf.get());
                String tooLarge = limits.tooLarge(fs.getFileStatus(path).getLen());
                if (tooLarge != null) {
                    skipped.add(1);
                    return row(track, null, Tables.SKIPPED, tooLarge, null);
                }
                java.nio.file.Path local;
                String sha1;
                if ("file".equals(fs.getUri().getScheme())) {
                    local = java.nio.file.Path.of(fs.makeQualified(path).toUri());
                    try (InputStream in = fs.open(path)) {
                        sha1 = sha1(in, OutputStream.nullOutputStream());
                    }
                } else {
                    copy = Files.createTempFile("gaan-", "-" + path.getName());
                    local = copy;
                    try (InputStream in = fs.open(path); OutputStream out = Files.newOutputStream(copy)) {
                        sha1 = sha1(in, out);
                    }
                }
                String key = FeatureExtractor.contentKey(sha1, params);
                if (keys.contains(id + '\t' + key)) {
                    reused.add(1);
                    return null;
                }
                return analyse(track, key, local, decoder, analyzer);
            } catch (FileNotFoundException e) {
                skipped.add(1);
                return row(track, null, Tables.SKIPPED, "no such file", null);
            } catch (IOException e) {
                skipped.add(1);
                return row(track, null, Tables.SKIPPED, "cannot read the audio file: " + e.getMessage(), null);
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException e) {
                        // The executor's temporary folder is cleaned when the executor exits.
                    }
                }
            }
        }

        private Row analyse(Row track, String key, java.nio.file.Path local, AudioDecoder decoder, AudioAnalyzer analyzer) {
            try {
                DecodedAudio audio = decoder.load(local, params.offsetSeconds(), params.durationSeconds());
                AudioFeatures f = FeatureExtractor.analyse(local, audio, analyzer);
                TrackLimits.Verdict verdict = limits.judge(f.durationSeconds(), audio.truncation());
                if (!verdict.used()) {
                    skipped.add(1);
                    return row(track, key, Tables.SKIPPED, verdict.reason(), null);
                }
                extracted.add(1);
                return row(track, key, Tables.OK, verdict.reason(), f);
            } catch (AudioDecodeException e) {
                skipped.add(1);
                return row(track, key, Tables.SKIPPED, e.reason(), null);
            } catch (RuntimeException e) {
                skipped.add(1);
                return row(track, key, Tables.FAILED, "analysis failed: " + e, null);
            }
        }

        private Row row(Row track, String key, String status, String reason, AudioFeatures f) {
            scala.collection.immutable.Seq<?> summary = null;
            scala.collection.immutable.Seq<?> descriptors = null;
            List<Integer> shape = null;
            byte[] patch = null;
            if (f != null) {
                summary = Tables.cell(f.mfccSummary());
                descriptors = Tables.cell(f.descriptors());
                float[][][] p = f.logmelPatches();
                shape = List.of(p.length, p[0].length, p[0][0].length);
                patch = littleEndian(p);
            }
            return RowFactory.create(track.getString(0), track.get(1), track.get(3), track.get(2), key,
                    params.cacheKey(), status, reason, f == null ? 0.0 : f.durationSeconds(), f != null && f.padded(),
                    summary, descriptors,
                    shape == null ? null : Tables.seq(shape), patch,
                    System.currentTimeMillis());
        }

        /** The patches' floats in C order as little-endian bytes: the store's {@code .npy} row. */
        private static byte[] littleEndian(float[][][] patches) {
            int values = patches.length * patches[0].length * patches[0][0].length;
            ByteBuffer buf = ByteBuffer.allocate(4 * values).order(ByteOrder.LITTLE_ENDIAN);
            for (float[][] patch : patches) {
                for (float[] band : patch) {
                    for (float v : band) {
                        buf.putFloat(v);
                    }
                }
            }
            return buf.array();
        }

        private static String sha1(InputStream in, OutputStream copy) throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
            }
            try (DigestInputStream digest = new DigestInputStream(in, md)) {
                digest.transferTo(copy);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
