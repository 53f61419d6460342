package gaan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Standardised samples held as native arrays (uploaded once), from which batches are gathered
 * without a round trip through Java. {@code mask} is null unless the spec is multimodal; {@code
 * condition} is null for an unconditional spec.
 */
record Dataset(List<NDArray> x, NDArray mask, NDArray condition, int size) {

    /** A batch: the rows of a dataset at some indices, in a caller-owned manager. */
    record Batch(List<NDArray> x, NDArray mask, NDArray condition) {
    }

    /** Uploads the samples {@code rows} (in that order) of {@code in} into {@code manager}. */
    static Dataset upload(NDManager manager, VaeSpec spec, Normalisation norm, VaeInput in, int[] rows) {
        List<NDArray> x = new ArrayList<>();
        for (int m = 0; m < spec.modalityCount(); m++) {
            int w = spec.width(m);
            Shape shape = spec.kind() == VaeKind.CONV
                    ? new Shape(rows.length, 1, spec.inputShape().get(0), spec.inputShape().get(1))
                    : new Shape(rows.length, w);
            x.add(manager.create(norm.apply(m, in, w, rows), shape));
        }
        NDArray mask = null;
        if (spec.kind() == VaeKind.MULTIMODAL) {
            int mc = spec.modalityCount();
            float[] flags = new float[rows.length * mc];
            for (int i = 0; i < rows.length; i++) {
                for (int m = 0; m < mc; m++) {
                    flags[i * mc + m] = in.present(m, rows[i]) ? 1f : 0f;
                }
            }
            mask = manager.create(flags, new Shape(rows.length, mc));
        }
        NDArray condition = null;
        if (spec.conditionSize() > 0) {
            condition = manager.create(gatherRows(in.condition(), spec.conditionSize(), rows),
                    new Shape(rows.length, spec.conditionSize()));
        }
        return new Dataset(x, mask, condition, rows.length);
    }

    /**
     * {@code order} cut into consecutive runs of {@code batchSize} sample indices (the last run may
     * be shorter), as 1-D int64 arrays in {@code manager}: one upload per epoch instead of one per
     * batch.
     */
    static NDList batchIndices(NDManager manager, long[] order, int batchSize) {
        NDArray all = manager.create(order);
        long[] cuts = new long[(order.length - 1) / batchSize];
        if (cuts.length == 0) {
            return new NDList(all);
        }
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (long) (i + 1) * batchSize;
        }
        return all.split(cuts, 0);
    }

    /** The samples at {@code indices} (one of {@link #batchIndices}), gathered into {@code manager}. */
    Batch batch(NDManager manager, NDArray indices) {
        NDIndex index = new NDIndex("{}", indices);
        List<NDArray> xs = new ArrayList<>();
        for (NDArray a : x) {
            xs.add(a.get(manager, index));
        }
        return new Batch(xs, mask == null ? null : mask.get(manager, index),
                condition == null ? null : condition.get(manager, index));
    }

    /** Samples {@code from}..{@code to}-1 in stored order, as views in {@code manager}. */
    Batch slice(NDManager manager, int from, int to) {
        NDIndex index = new NDIndex("{}:{}", from, to);
        List<NDArray> xs = new ArrayList<>();
        for (NDArray a : x) {
            xs.add(a.get(manager, index));
        }
        return new Batch(xs, mask == null ? null : mask.get(manager, index),
                condition == null ? null : condition.get(manager, index));
    }

    /** All samples as one batch. */
    Batch all() {
        return new Batch(x, mask, condition);
    }

    /** The indices from..to-1. */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static float[] gatherRows(float[] all, int w, int[] rows) {
        float[] out = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(all, rows[i] * w, out, i * w, w);
        }
        return out;
    }
}
