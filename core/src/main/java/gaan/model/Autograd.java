package gaan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's autograd mode for the current thread, set for a scope and restored after it. It is
 * per thread and starts on in every new thread (DJL turns it off only on the thread that loads the
 * engine), so each entry that builds, loads or runs the network states what it needs: parameter
 * views made or written on a recording thread would carry autograd history, and the next forward
 * pass fails (a model loaded or encoding on a pool or Spark executor thread). DJL's own {@code
 * GradientCollector} is not used: it allows one per process, and fits may run on several threads.
 */
final class Autograd implements AutoCloseable {
    private final boolean before;

    private Autograd(boolean on) {
        before = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
    }

    /** Operations in the scope are recorded for {@link #backward}. */
    static Autograd recording() {
        return new Autograd(true);
    }

    /** Operations in the scope build no graph (evaluation, encoding). */
    static Autograd off() {
        return new Autograd(false);
    }

    /** Gradients of a scalar {@code loss} recorded in this thread's scope, into the leaves' gradients. */
    static void backward(NDArray loss) {
        NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType());
        JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
