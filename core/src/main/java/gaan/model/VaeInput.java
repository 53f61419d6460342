package gaan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data for training or encoding, copied once into flat row-major float arrays.
 *
 * <p>A <em>track</em> is a row of the result of {@link Vae#encode}. Vectors and plain patches have
 * one sample per track; {@link #patches(float[][][], int[])} and {@link #trackPatches} have several
 * patches per track, each patch a training sample, and a track's latent is the mean of its patches'
 * μ. Conditions and row ids are given per track.
 */
public final class VaeInput {
    private final VaeKind kind;
    private final List<float[]> values;
    private final List<int[]> rowShapes;
    private final List<boolean[]> present;
    private final int samples;
    private final int[] trackOfSample;
    private final int tracks;
    private final float[] condition;
    private final int conditionWidth;
    private final List<String> rowIds;

    private VaeInput(VaeKind kind, List<float[]> values, List<int[]> rowShapes, List<boolean[]> present, int samples,
            int[] trackOfSample, int tracks, float[] condition, int conditionWidth, List<String> rowIds) {
        this.kind = kind;
        this.values = values;
        this.rowShapes = rowShapes;
        this.present = present;
        this.samples = samples;
        this.trackOfSample = trackOfSample;
        this.tracks = tracks;
        this.condition = condition;
        this.conditionWidth = conditionWidth;
        this.rowIds = rowIds;
    }

    /** One feature vector per track (N×d), for {@link VaeKind#MLP}. */
    public static VaeInput vectors(float[][] x) {
        return new VaeInput(VaeKind.MLP, List.of(flatten(x, "features")), List.of(new int[] {width(x)}),
                nullList(1), x.length, null, x.length, null, 0, null);
    }

    /** One single-channel patch per track (N×H×W), for {@link VaeKind#CONV}. */
    public static VaeInput patches(float[][][] x) {
        return patches(x, null);
    }

    /**
     * Patches (P×H×W) with the track each belongs to ({@code trackOfPatch[p]} in 0..N-1; null means
     * patch p is track p). Every track needs at least one patch.
     */
    public static VaeInput patches(float[][][] x, int[] trackOfPatch) {
        int h = x.length == 0 ? 0 : x[0].length;
        int w = h == 0 ? 0 : x[0][0].length;
        float[] flat = new float[Math.multiplyExact(x.length, h * w)];
        for (int p = 0; p < x.length; p++) {
            if (x[p].length != h) {
                throw new IllegalArgumentException("patch " + p + " has " + x[p].length + " rows, patch 0 has " + h);
            }
            for (int i = 0; i < h; i++) {
                if (x[p][i].length != w) {
                    throw new IllegalArgumentException("patch " + p + " row " + i + " has " + x[p][i].length
                            + " columns, patch 0 has " + w);
                }
                System.arraycopy(x[p][i], 0, flat, (p * h + i) * w, w);
            }
        }
        int tracks = x.length;
        if (trackOfPatch != null) {
            if (trackOfPatch.length != x.length) {
                throw new IllegalArgumentException("trackOfPatch has " + trackOfPatch.length + " entries for "
                        + x.length + " patches");
            }
            tracks = Arrays.stream(trackOfPatch).max().orElse(-1) + 1;
            boolean[] seen = new boolean[tracks];
            for (int t : trackOfPatch) {
                if (t < 0) {
                    throw new IllegalArgumentException("trackOfPatch holds a negative track index " + t);
                }
                seen[t] = true;
            }
            for (int t = 0; t < tracks; t++) {
                if (!seen[t]) {
                    throw new IllegalArgumentException("track " + t + " has no patch in trackOfPatch");
                }
            }
        }
        return new VaeInput(VaeKind.CONV, List.of(flat), List.of(new int[] {h, w}), nullList(1), x.length,
                trackOfPatch == null ? null : trackOfPatch.clone(), tracks, null, 0, null);
    }

    /** P patches per track (N×P×H×W); a track's latent is the mean of its patches' μ. */
    public static VaeInput trackPatches(float[][][][] x) {
        List<float[][]> all = new ArrayList<>();
        List<Integer> track = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            for (float[][] patch : x[t]) {
                all.add(patch);
                track.add(t);
            }
        }
        return patches(all.toArray(new float[0][][]), track.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * One matrix per modality (each N×d_m, same N and order as the spec's modalities) and per
     * modality a mask of the tracks that have it ({@code null} entry: all present). Values of
     * absent rows are ignored (NaN allowed there).
     */
    public static VaeInput modalities(List<float[][]> x, List<boolean[]> presentMasks) {
        if (x.isEmpty() || presentMasks.size() != x.size()) {
            throw new IllegalArgumentException("need one present mask (or null) per modality: " + x.size()
                    + " modalities, " + presentMasks.size() + " masks");
        }
        int n = x.get(0).length;
        List<float[]> values = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (int m = 0; m < x.size(); m++) {
            if (x.get(m).length != n) {
                throw new IllegalArgumentException("modality " + m + " has " + x.get(m).length + " rows, modality 0 has " + n);
            }
            boolean[] mask = presentMasks.get(m);
            if (mask != null && mask.length != n) {
                throw new IllegalArgumentException("present mask of modality " + m + " has " + mask.length + " entries for " + n + " rows");
            }
            values.add(flatten(x.get(m), "modality " + m));
            shapes.add(new int[] {width(x.get(m))});
        }
        List<boolean[]> masks = new ArrayList<>(presentMasks);
        return new VaeInput(VaeKind.MULTIMODAL, values, shapes, masks, n, null, n, null, 0, null);
    }

    /** The same data with one condition row per track (conditional VAE). */
    public VaeInput withCondition(float[][] c) {
        if (c.length != tracks) {
            throw new IllegalArgumentException("condition has " + c.length + " rows for " + tracks + " tracks");
        }
        int cw = width(c);
        float[] flat = flatten(c, "condition");
        float[] perSample = flat;
        if (trackOfSample != null) {
            perSample = new float[samples * cw];
            for (int s = 0; s < samples; s++) {
                System.arraycopy(flat, trackOfSample[s] * cw, perSample, s * cw, cw);
            }
        }
        return new VaeInput(kind, values, rowShapes, present, samples, trackOfSample, tracks, perSample, cw, rowIds);
    }

    /** The same data with track ids, used to name the track in error messages. */
    public VaeInput withRowIds(List<String> ids) {
        if (ids.size() != tracks) {
            throw new IllegalArgumentException(ids.size() + " row ids for " + tracks + " tracks");
        }
        return new VaeInput(kind, values, rowShapes, present, samples, trackOfSample, tracks, condition, conditionWidth,
                List.copyOf(ids));
    }

    public int tracks() {
        return tracks;
    }

    int samples() {
        return samples;
    }

    float[] values(int m) {
        return values.get(m);
    }

    /** Whether sample s has modality m. */
    boolean present(int m, int s) {
        boolean[] mask = present.get(m);
        return mask == null || mask[s];
    }

    boolean hasMasks() {
        return present.stream().anyMatch(p -> p != null);
    }

    float[] condition() {
        return condition;
    }

    int conditionWidth() {
        return conditionWidth;
    }

    int trackOf(int sample) {
        return trackOfSample == null ? sample : trackOfSample[sample];
    }

    /** Whether some track has more than one sample (window). */
    boolean hasWindows() {
        return samples > tracks;
    }

    /** Per track, its samples in ascending order (tracks × their windows). */
    int[][] samplesByTrack() {
        int[] count = new int[tracks];
        for (int s = 0; s < samples; s++) {
            count[trackOf(s)]++;
        }
        int[][] byTrack = new int[tracks][];
        for (int t = 0; t < tracks; t++) {
            byTrack[t] = new int[count[t]];
            count[t] = 0;
        }
        for (int s = 0; s < samples; s++) {
            int t = trackOf(s);
            byTrack[t][count[t]++] = s;
        }
        return byTrack;
    }

    /**
     * Fails unless this data fits {@code spec} (kind, shapes, condition width) and holds only
     * finite values in present rows; messages name both shapes, or the row and its track id.
     */
    void check(VaeSpec spec) {
        if (kind != spec.kind()) {
            throw new IllegalArgumentException("a " + spec.kind() + " VaeSpec cannot take " + describeKind()
                    + "; build the input with the matching VaeInput factory");
        }
        if (values.size() != spec.modalityCount()) {
            throw new IllegalArgumentException("VaeSpec has " + spec.modalityCount() + " modalities " + spec.modalities()
                    + " but the data has " + values.size());
        }
        for (int m = 0; m < values.size(); m++) {
            int[] expected = spec.kind() == VaeKind.MULTIMODAL ? new int[] {spec.inputShape().get(m)}
                    : spec.inputShape().stream().mapToInt(Integer::intValue).toArray();
            if (!Arrays.equals(expected, rowShapes.get(m))) {
                int[] dataShape = new int[rowShapes.get(m).length + 1];
                dataShape[0] = samples;
                System.arraycopy(rowShapes.get(m), 0, dataShape, 1, rowShapes.get(m).length);
                throw new IllegalArgumentException("data shape " + Arrays.toString(dataShape) + " of "
                        + spec.modalityName(m) + " does not match VaeSpec input shape " + Arrays.toString(expected)
                        + " (per row)");
            }
        }
        if (conditionWidth != spec.conditionSize()) {
            throw new IllegalArgumentException(spec.conditionSize() == 0
                    ? "the VaeSpec is unconditional but the data has a " + conditionWidth + "-wide condition"
                    : "the VaeSpec expects a condition of width " + spec.conditionSize() + " but the data has "
                            + (conditionWidth == 0 ? "none" : "width " + conditionWidth));
        }
        for (int m = 0; m < values.size(); m++) {
            checkFinite(values.get(m), spec.width(m), m, spec.modalityName(m));
        }
        if (condition != null) {
            checkFinite(condition, conditionWidth, -1, "condition");
        }
    }

    private void checkFinite(float[] v, int w, int m, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                int s = i / w;
                if (m >= 0 && !present(m, s)) {
                    continue;
                }
                int t = trackOf(s);
                String id = rowIds == null ? "" : " (track '" + rowIds.get(t) + "')";
                String where = trackOfSample == null ? "row " + s : "patch " + s + " of track row " + t;
                throw new IllegalArgumentException(v[i] + " in " + what + " at " + where + id + ", value " + i % w
                        + "; remove or repair that track before training");
            }
        }
    }

    private String describeKind() {
        return switch (kind) {
            case MLP -> "vectors";
            case CONV -> "patches";
            case MULTIMODAL -> "multimodal data";
        };
    }

    private static int width(float[][] x) {
        return x.length == 0 ? 0 : x[0].length;
    }

    private static float[] flatten(float[][] x, String what) {
        int w = width(x);
        float[] flat = new float[Math.multiplyExact(x.length, w)];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != w) {
                throw new IllegalArgumentException(what + " row " + i + " has " + x[i].length + " values, row 0 has " + w);
            }
            System.arraycopy(x[i], 0, flat, i * w, w);
        }
        return flat;
    }

    private static List<boolean[]> nullList(int n) {
        List<boolean[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }
}
