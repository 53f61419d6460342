package gaan.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a whole CSV file as rows of cells, header first, as a test checks it. */
final class Csv {
    private Csv() {
    }

    static List<List<String>> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.parse(r).getRecords().stream().map(CSVRecord::toList).toList();
        }
    }
}
