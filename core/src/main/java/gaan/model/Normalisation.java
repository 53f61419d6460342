package gaan.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Standardisation statistics per modality, saved in a checkpoint as {@code normalisation.json}.
 * Vectors get a per-feature mean and standard deviation (ddof 0) unless the spec asks for
 * {@link VaeSpec.Scaling#SHARED}, patches one global pair unless it asks for
 * {@link VaeSpec.Scaling#PER_BAND} (a pair per patch row); only present rows count. A constant
 * feature gets std 1 so it standardises to 0.
 *
 * <p>A modality's {@code width} values per sample fall into {@code groups} equal runs of
 * consecutive values, one pair each: value {@code j} of a sample belongs to group
 * {@code j / (width / groups)} (per feature: itself; one pair: all; per band: its patch row).
 *
 * @param mean per modality: d values (per feature), 1 value (global, patches) or the patch height (per band)
 * @param std same shapes as {@code mean}
 */
record Normalisation(List<float[]> mean, List<float[]> std) {

    static Normalisation fit(VaeSpec spec, VaeInput in) {
        List<float[]> means = new ArrayList<>();
        List<float[]> stds = new ArrayList<>();
        for (int m = 0; m < spec.modalityCount(); m++) {
            int w = spec.width(m);
            int groups = groups(spec, m);
            int run = w / groups;
            double[] sum = new double[groups];
            double[] sumSq = new double[groups];
            long[] count = new long[groups];
            float[] v = in.values(m);
            for (int i = 0; i < v.length; i++) {
                if (in.present(m, i / w)) {
                    int g = i % w / run;
                    sum[g] += v[i];
                    count[g]++;
                }
            }
            float[] mean = new float[groups];
            for (int g = 0; g < groups; g++) {
                mean[g] = count[g] == 0 ? 0f : (float) (sum[g] / count[g]);
            }
            for (int i = 0; i < v.length; i++) {
                if (in.present(m, i / w)) {
                    int g = i % w / run;
                    double d = v[i] - mean[g];
                    sumSq[g] += d * d;
                }
            }
            float[] std = new float[groups];
            for (int g = 0; g < groups; g++) {
                double s = count[g] == 0 ? 0 : Math.sqrt(sumSq[g] / count[g]);
                std[g] = s > 1e-8 ? (float) s : 1f;
            }
            means.add(mean);
            stds.add(std);
        }
        return new Normalisation(means, stds);
    }

    /**
     * Standardised values of modality m for the samples {@code rows}, in that order (row-major,
     * {@code width} values each); rows without the modality become zeros.
     */
    float[] apply(int m, VaeInput in, int width, int[] rows) {
        float[] v = in.values(m);
        float[] mean = this.mean.get(m);
        float[] std = this.std.get(m);
        int run = width / mean.length;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (!in.present(m, rows[i])) {
                continue;
            }
            int from = rows[i] * width;
            for (int j = 0; j < width; j++) {
                int g = j / run;
                out[i * width + j] = (v[from + j] - mean[g]) / std[g];
            }
        }
        return out;
    }

    /** Values back in the input's units, in place ({@code width} values a sample). */
    void invert(int m, float[] standardised, int width) {
        float[] mean = this.mean.get(m);
        float[] std = this.std.get(m);
        int run = width / mean.length;
        for (int i = 0; i < standardised.length; i++) {
            int g = i % width / run;
            standardised[i] = standardised[i] * std[g] + mean[g];
        }
    }

    /** Mean/std pairs of modality {@code m} under the spec's scaling. */
    private static int groups(VaeSpec spec, int m) {
        return switch (spec.scaling()) {
            case SHARED -> 1;
            case PER_BAND -> spec.inputShape().get(0);
            case PER_FEATURE -> spec.kind() == VaeKind.CONV ? 1 : spec.width(m);
        };
    }
}
