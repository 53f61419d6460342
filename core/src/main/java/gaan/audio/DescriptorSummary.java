package gaan.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-track descriptor vector: one float32 value per name of {@link #names}, in groups named
 * by their prefix. Every statistic over frames is the mean or the population standard deviation
 * (ddof 0), computed in float64.
 * <ul>
 *   <li>{@code mfcc.mean.k}, {@code mfcc.std.k}: the MFCCs (the same 40 values as
 *       {@link Mfcc#summary});</li>
 *   <li>{@code dmfcc.mean.k}, {@code dmfcc.std.k}: their deltas ({@link MfccDelta});</li>
 *   <li>{@code logmel.mean.m}, {@code logmel.std.m}: each log-mel band, dB;</li>
 *   <li>{@code spectral.F.mean}, {@code spectral.F.std} for F = centroid, bandwidth, rolloff,
 *       flatness, zcr, rms;</li>
 *   <li>{@code contrast.mean.b}, {@code contrast.std.b}: the 7 contrast bands;</li>
 *   <li>{@code chroma.mean.P}, {@code chroma.std.P}: the 12 pitch classes, C to B;</li>
 *   <li>{@code rhythm.tempo_bpm} (librosa's estimate), {@code rhythm.tempo_strength} (the mean
 *       tempogram at that tempo's lag, 0..1), {@code rhythm.onset_mean}, {@code rhythm.onset_std},
 *       and {@code rhythm.tempogram.LO-HIbpm}: the mean tempogram over the lags whose tempo lies
 *       in each half-octave band from 30 to 480 BPM (a coarse tempogram profile);</li>
 *   <li>{@code texture.F.std_mean}, {@code texture.F.std_std}: Tzanetakis &amp; Cook's texture
 *       windows: the standard deviation of feature F within each window of
 *       {@value #TEXTURE_SECONDS} s ({@code round(sr / hop)} frames, consecutive, not overlapping;
 *       a partial window at the end is dropped unless it is the only one), then the mean and the
 *       standard deviation of those over the windows; F = the six spectral features, onset and
 *       MFCCs 0 to {@value #TEXTURE_MFCCS} - 1.</li>
 * </ul>
 */
public final class DescriptorSummary {
    static final double TEXTURE_SECONDS = 1.0;
    static final int TEXTURE_MFCCS = 13;
    private static final String[] PITCH = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] SPECTRAL = {"centroid", "bandwidth", "rolloff", "flatness", "zcr", "rms"};
    /** Edges of the tempogram profile's bands, BPM: half octaves from 30 to 480. */
    private static final double[] PROFILE_EDGES = profileEdges();

    private DescriptorSummary() {
    }

    private static double[] profileEdges() {
        double[] e = new double[9];
        for (int i = 0; i < e.length; i++) {
            e[i] = 30.0 * Math.pow(2.0, i / 2.0);
        }
        return e;
    }

    /** The column names of the vector for {@code params}, in order. */
    public static List<String> names(AudioFeatureParams params) {
        List<String> n = new ArrayList<>();
        meanStd(n, "mfcc", params.nMfcc(), null);
        meanStd(n, "dmfcc", params.nMfcc(), null);
        meanStd(n, "logmel", params.nMels(), null);
        for (String f : SPECTRAL) {
            n.add("spectral." + f + ".mean");
            n.add("spectral." + f + ".std");
        }
        meanStd(n, "contrast", SpectralContrast.N_BANDS + 1, null);
        meanStd(n, "chroma", ChromaStft.N_CHROMA, PITCH);
        n.add("rhythm.tempo_bpm");
        n.add("rhythm.tempo_strength");
        n.add("rhythm.onset_mean");
        n.add("rhythm.onset_std");
        for (int b = 0; b + 1 < PROFILE_EDGES.length; b++) {
            n.add(String.format(Locale.ROOT, "rhythm.tempogram.%d-%dbpm", (int) PROFILE_EDGES[b],
                    (int) PROFILE_EDGES[b + 1]));
        }
        for (String f : textureFeatures()) {
            n.add("texture." + f + ".std_mean");
            n.add("texture." + f + ".std_std");
        }
        return n;
    }

    private static void meanStd(List<String> n, String prefix, int rows, String[] labels) {
        for (String stat : new String[] {"mean", "std"}) {
            for (int i = 0; i < rows; i++) {
                n.add(prefix + "." + stat + "." + (labels == null ? Integer.toString(i) : labels[i]));
            }
        }
    }

    private static List<String> textureFeatures() {
        List<String> f = new ArrayList<>(List.of(SPECTRAL));
        f.add("onset");
        for (int k = 0; k < TEXTURE_MFCCS; k++) {
            f.add("mfcc." + k);
        }
        return f;
    }

    /**
     * The vector of a track from its log-mel matrix and MFCCs (columns {@code [0, frames)}) and its
     * descriptors; {@code tempogram} gives the lags' tempi.
     */
    static float[] of(AudioFeatureParams params, float[][] melDb, float[][] mfcc, int frames, FrameDescriptors d,
                      Tempogram tempogram) {
        Out out = new Out(names(params).size());
        meanStd(out, mfcc, frames);
        meanStd(out, d.mfccDelta(), frames);
        meanStd(out, melDb, frames);
        float[][] spectral = {d.centroid(), d.bandwidth(), d.rolloff(), d.flatness(), d.zcr(), d.rms()};
        for (float[] f : spectral) {
            out.add(FrameStats.mean(f, 0, frames));
            out.add(FrameStats.std(f, 0, frames));
        }
        meanStd(out, d.contrast(), frames);
        meanStd(out, d.chroma(), frames);
        double[] tg = d.tempogram();
        int best = tempogram.bestLag(tg);
        out.add(d.tempoBpm());
        out.add(tg[best]);
        out.add(FrameStats.mean(d.onset(), 0, frames));
        out.add(FrameStats.std(d.onset(), 0, frames));
        for (int b = 0; b + 1 < PROFILE_EDGES.length; b++) {
            double sum = 0;
            int count = 0;
            for (int l = 1; l < tg.length; l++) {
                double bpm = tempogram.bpm(l);
                if (bpm >= PROFILE_EDGES[b] && bpm < PROFILE_EDGES[b + 1]) {
                    sum += tg[l];
                    count++;
                }
            }
            out.add(count == 0 ? 0 : sum / count);
        }
        int window = (int) Math.round(TEXTURE_SECONDS * params.sampleRate() / params.hopLength());
        List<float[]> texture = new ArrayList<>(List.of(spectral));
        texture.add(d.onset());
        for (int k = 0; k < TEXTURE_MFCCS; k++) {
            texture.add(mfcc[k]);
        }
        for (float[] f : texture) {
            texture(out, f, frames, window);
        }
        return out.values();
    }

    /** Each row's mean, then each row's standard deviation: {@link Mfcc#summary}'s layout and arithmetic. */
    private static void meanStd(Out out, float[][] rows, int frames) {
        for (float v : Mfcc.summary(rows, frames)) {
            out.add(v);
        }
    }

    private static void texture(Out out, float[] f, int frames, int window) {
        int windows = Math.max(1, frames / window);
        int width = Math.min(window, frames);
        double[] stds = new double[windows];
        for (int w = 0; w < windows; w++) {
            stds[w] = FrameStats.std(f, w * width, width);
        }
        double mean = 0;
        for (double s : stds) {
            mean += s;
        }
        mean /= windows;
        double var = 0;
        for (double s : stds) {
            var += (s - mean) * (s - mean);
        }
        out.add(mean);
        out.add(Math.sqrt(var / windows));
    }

    /** Appends values in column order and checks that every column got one. */
    private static final class Out {
        private final float[] values;
        private int at;

        Out(int length) {
            values = new float[length];
        }

        void add(double v) {
            values[at++] = (float) v;
        }

        float[] values() {
            if (at != values.length) {
                throw new IllegalStateException("descriptor vector has " + at + " values for " + values.length + " names");
            }
            return values;
        }
    }
}
