package gaan.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of all blocks packed into one float32 vector, which the blocks read through this
 * store as reshaped views. Adam then updates the whole model with one native call and one
 * gradient instead of one per parameter array: on small MLPs the per-array calls cost more than
 * the arithmetic.
 *
 * <p>The blocks' own {@link Parameter} arrays only carry values in and out: they are packed at
 * construction, and {@link #unpack()} / {@link #repack()} copy between them and the vector for
 * saving and loading. Views for a gradient step are split off the vector inside the gradient
 * collector, so backward accumulates every gradient into the vector's one gradient array.
 */
final class FlatParameters extends ParameterStore {
    private static final NDIndex ALL = new NDIndex(":");
    private final List<Parameter> parameters;
    private final NDArray flat;
    private final long[] splitPoints;
    private final Map<Parameter, NDArray> inference = new IdentityHashMap<>();
    private final Map<Parameter, NDArray> training = new IdentityHashMap<>();

    /** Packs the initialised {@code parameters} into a new vector in {@code manager}. */
    FlatParameters(NDManager manager, List<Parameter> parameters) {
        super(manager, false);
        this.parameters = List.copyOf(parameters);
        splitPoints = new long[parameters.size() - 1];
        long at = 0;
        NDList pieces = new NDList();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray a = parameters.get(i).getArray();
            pieces.add(a.flatten());
            at += a.size();
            if (i < splitPoints.length) {
                splitPoints[i] = at;
            }
        }
        flat = NDArrays.concat(pieces);
        pieces.close();
        flat.setRequiresGradient(true);
        // Outside a gradient collector these views carry no autograd history, yet share the vector's memory.
        views(flat.getManager(), inference);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean isTraining) {
        NDArray value = (isTraining ? training : inference).get(parameter);
        if (value == null) {
            throw new IllegalStateException("parameter " + parameter.getName()
                    + (isTraining ? " read for training outside a gradient step (call trainingViews first)" : " is not packed"));
        }
        return value;
    }

    /**
     * Splits fresh views off the vector for the training forward passes that follow; call inside
     * the gradient collector so their gradients flow into {@link #vector()}.
     */
    void trainingViews(NDManager step) {
        views(step, training);
    }

    /** The packed weights (1-D); its gradient holds the whole model's after backward. */
    NDArray vector() {
        return flat;
    }

    /** Copies the packed weights into the blocks' parameter arrays (before saving the blocks). */
    void unpack() {
        for (Parameter p : parameters) {
            p.getArray().set(inference.get(p).toByteBuffer());
        }
    }

    /** Copies the blocks' parameter arrays into the packed weights (after loading the blocks). */
    void repack() {
        try (NDManager scratch = flat.getManager().newSubManager()) {
            NDList pieces = new NDList();
            for (Parameter p : parameters) {
                NDArray piece = p.getArray().flatten();
                piece.attach(scratch);
                pieces.add(piece);
            }
            NDArray packed = NDArrays.concat(pieces);
            packed.attach(scratch);
            copyIn(packed);
        }
    }

    /** The packed weights' values, to {@link #restore} later. */
    float[] snapshot() {
        return flat.toFloatArray();
    }

    void restore(float[] snapshot) {
        try (NDManager scratch = flat.getManager().newSubManager()) {
            copyIn(scratch.create(snapshot));
        }
    }

    /**
     * Copies element-wise into the vector's memory. {@code NDArray.set(Buffer)} and {@code copyTo}
     * would give the vector new memory instead, which the views would not see.
     */
    private void copyIn(NDArray values) {
        flat.set(ALL, values);
    }

    private void views(NDManager manager, Map<Parameter, NDArray> into) {
        NDList pieces = flat.split(splitPoints, 0);
        into.clear();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray piece = pieces.get(i);
            piece.attach(manager);
            Shape shape = parameters.get(i).getArray().getShape();
            NDArray view = shape.dimension() == 1 ? piece : piece.reshape(shape);
            view.attach(manager);
            into.put(parameters.get(i), view);
        }
    }
}
