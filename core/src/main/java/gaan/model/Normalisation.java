package gaan.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Standardisation statistics per modality, saved in a checkpoint as {@code normalisation.json}.
 * Vectors get a per-feature mean and standard deviation (ddof 0) unless the spec asks for
 * {@link VaeSpec.Scaling#SHARED}, patches one global pair; only
 * present rows count. A constant feature gets std 1 so it standardises to 0.
 *
 * @param mean per modality: d values (per feature) or 1 value (global, patches)
 * @param std same shapes as {@code mean}
 */
record Normalisation(List<float[]> mean, List<float[]> std) {

    static Normalisation fit(VaeSpec spec, VaeInput in) {
        List<float[]> means = new ArrayList<>();
        List<float[]> stds = new ArrayList<>();
        for (int m = 0; m < spec.modalityCount(); m++) {
            int w = spec.width(m);
            int groups = spec.kind() == VaeKind.CONV || spec.scaling() == VaeSpec.Scaling.SHARED ? 1 : w;
            double[] sum = new double[groups];
            double[] sumSq = new double[groups];
            long[] count = new long[groups];
            float[] v = in.values(m);
            for (int i = 0; i < v.length; i++) {
                if (in.present(m, i / w)) {
                    int g = i % groups;
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
                    double d = v[i] - mean[i % groups];
                    sumSq[i % groups] += d * d;
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
        int groups = mean.length;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (!in.present(m, rows[i])) {
                continue;
            }
            int from = rows[i] * width;
            for (int j = 0; j < width; j++) {
                int g = j % groups;
                out[i * width + j] = (v[from + j] - mean[g]) / std[g];
            }
        }
        return out;
    }

    /** Values back in the input's units, in place. */
    void invert(int m, float[] standardised) {
        float[] mean = this.mean.get(m);
        float[] std = this.std.get(m);
        int groups = mean.length;
        for (int i = 0; i < standardised.length; i++) {
            standardised[i] = standardised[i] * std[i % groups] + mean[i % groups];
        }
    }
}
