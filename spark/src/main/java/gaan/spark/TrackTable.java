package gaan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import gaan.data.CollectionReader;
import gaan.data.Track;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;

/**
 * Reads a track table (CSV with a header, or Parquet; see {@link Tables}) into the normalised
 * form {@link Tables#TRACKS}: audio paths made absolute against the table's folder, genres split
 * as {@link CollectionReader#splitGenres} does and the label chosen as
 * {@link Track#evaluationLabel(String, List)} chooses it. Rows without an id are dropped: no
 * output could name them.
 */
final class TrackTable {
    private TrackTable() {
    }

    static Dataset<Row> read(SparkSession spark, String table) {
        Path path = new Path(table);
        Dataset<Row> raw = isCsv(path)
                ? spark.read().option("header", true).option("mode", "PERMISSIVE").csv(table)
                : spark.read().parquet(table);
        List<String> columns = Arrays.asList(raw.columns());
        for (String required : List.of(Tables.ID, Tables.AUDIO)) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("track table " + table + " has no '" + required + "' column (columns: "
                        + String.join(", ", columns) + "); it needs id and audio, and may have lyrics, genres, label");
            }
        }
        boolean genreArray = columns.contains(Tables.GENRES) && raw.schema().apply(Tables.GENRES).dataType() instanceof ArrayType;
        Dataset<Row> picked = raw.select(
                col(Tables.ID).cast("string"),
                col(Tables.AUDIO).cast("string"),
                columns.contains(Tables.GENRES) ? col(Tables.GENRES) : lit(null).cast("string"),
                columns.contains(Tables.LABEL) ? col(Tables.LABEL).cast("string") : lit(null).cast("string"))
                .filter(col(Tables.ID).isNotNull().and(trim(col(Tables.ID)).notEqual("")));
        String base = folderOf(spark, path);
        return picked.map((MapFunction<Row, Row>) r -> normalise(r, base, genreArray), Encoders.row(Tables.TRACKS));
    }

    private static boolean isCsv(Path path) {
        return path.getName().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The qualified folder of the table, for resolving relative audio paths. */
    private static String folderOf(SparkSession spark, Path table) {
        try {
            FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path qualified = fs.makeQualified(table);
            return (fs.getFileStatus(qualified).isDirectory() ? qualified : qualified.getParent()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the track table " + table + ": " + e.getMessage(), e);
        }
    }

    private static Row normalise(Row r, String base, boolean genreArray) {
        String id = r.getString(0).trim();
        String audio = r.isNullAt(1) || r.getString(1).isBlank() ? null : resolve(base, r.getString(1).trim());
        List<String> genres;
        if (r.isNullAt(2)) {
            genres = List.of();
        } else if (genreArray) {
            genres = CollectionReader.splitGenres(String.join("|", r.<String>getList(2)));
        } else {
            genres = CollectionReader.splitGenres(r.getString(2));
        }
        String label = Track.evaluationLabel(r.isNullAt(3) ? null : r.getString(3).trim(), genres);
        return RowFactory.create(id, audio, Tables.seq(genres), label);
    }

    private static String resolve(String base, String audio) {
        Path p = new Path(audio);
        return p.isAbsolute() || p.toUri().getScheme() != null ? p.toString() : new Path(base, p).toString();
    }
}
