package gaan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The built-in bilingual test set, {@code bilingual_lines.tsv} (see its header). */
record BilingualSet(List<Line> lines) {

    /** One line; {@code song} is {@code "-"} for a line unrelated to every song. */
    record Line(String song, int number, String form, Language language, String text) {
        boolean inSong() {
            return !song.equals("-");
        }
    }

    static BilingualSet load() {
        try (InputStream in = BilingualSet.class.getResourceAsStream("bilingual_lines.tsv")) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            boolean header = true;
            for (String row : content.split("\n")) {
                if (row.startsWith("#") || row.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = row.split("\t");
                lines.add(new Line(f[0], Integer.parseInt(f[1]), f[2], Language.ofCode(f[3]), f[4]));
            }
            return new BilingualSet(List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
