package gaan.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gaan.report.EdaInput;
import gaan.report.EdaPlots;

/**
 * The exploratory analysis of a collection ({@code gaan eda}, and a section of the report): the
 * per-track facts and, per primary genre, the mean log-mel patch and mean MFCC profile (the first
 * 20 values of the MFCC summary, i.e. the per-coefficient means), over decodable tracks only.
 */
public final class CollectionEda {
    private CollectionEda() {
    }

    public static EdaPlots.Result write(CollectionFeatures f, Path outDir) {
        int n = f.size();
        List<List<String>> genres = new ArrayList<>();
        int[] words = new int[n];
        Map<String, float[][]> logmelSum = new TreeMap<>();
        Map<String, float[]> mfccSum = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        String[] primary = new String[n]; // the genre whose mean a track joins; null when it joins none
        for (int i = 0; i < n; i++) {
            List<String> g = f.tracks().get(i).genres();
            genres.add(g);
            String text = f.lyricsTexts().get(i);
            words[i] = text == null ? -1 : text.trim().split("\\s+").length;
            if (!f.audioOk()[i] || g.isEmpty()) {
                continue;
            }
            String genre = g.get(0);
            counts.merge(genre, 1, Integer::sum);
            primary[i] = genre;
            float[] mfcc = java.util.Arrays.copyOf(f.mfcc()[i], 20);
            add(mfccSum.computeIfAbsent(genre, k -> new float[20]), mfcc);
        }
        if (!counts.isEmpty()) {
            // Streamed from the store: the mean patches need one track's patches at a time, never all of them.
            f.store().forEachTrackPatches((patches, i) -> {
                if (primary[i] != null) {
                    float[][] patch = patches[patches.length / 2];
                    add(logmelSum.computeIfAbsent(primary[i], k -> new float[patch.length][patch[0].length]), patch);
                }
            });
        }
        Map<String, float[][]> meanLogmel = new LinkedHashMap<>();
        Map<String, float[]> meanMfcc = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            float inv = 1f / e.getValue();
            float[][] lm = logmelSum.get(e.getKey());
            for (float[] row : lm) {
                scale(row, inv);
            }
            meanLogmel.put(e.getKey(), lm);
            float[] m = mfccSum.get(e.getKey());
            scale(m, inv);
            meanMfcc.put(e.getKey(), m);
        }
        double[] durations = f.durations().clone();
        for (int i = 0; i < n; i++) {
            if (!f.audioOk()[i]) {
                durations[i] = Double.NaN;
            }
        }
        EdaInput input = new EdaInput(f.tracks().stream().map(t -> t.id()).toList(), genres, f.languages(),
                durations, words, f.audioOk(), meanLogmel, meanMfcc);
        return EdaPlots.write(input, outDir);
    }

    private static void add(float[][] sum, float[][] x) {
        for (int a = 0; a < sum.length; a++) {
            add(sum[a], x[a]);
        }
    }

    private static void add(float[] sum, float[] x) {
        for (int b = 0; b < sum.length; b++) {
            sum[b] += x[b];
        }
    }

    private static void scale(float[] x, float s) {
        for (int b = 0; b < x.length; b++) {
            x[b] *= s;
        }
    }
}
