package gaan.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The DJL blocks of a VAE built from a {@link VaeSpec}: per modality an encoder body, a latent head
 * giving (μ, log σ²) and a decoder. With several modalities the posteriors are fused by a product
 * of Gaussian experts including the prior expert N(0, I), so absent modalities simply drop out.
 *
 * <p>Tensors: vectors are (N, d); patches are (N, 1, H, W); masks (N, M) hold 1 where modality m is
 * present; conditions (N, C). All arrays a pass creates live in the manager of its inputs, so a
 * per-batch sub-manager frees them.
 */
final class Network implements AutoCloseable {
    private static final int CONV_KERNEL = 4;
    private static final int UPSAMPLE = 2;
    /** Keeps exp(log σ²) finite in float32 in the first steps of training. */
    private static final float LOG_VAR_LIMIT = 10f;

    private final VaeSpec spec;
    private final NDManager manager;
    private final FlatParameters store;
    private final List<Expert> experts = new ArrayList<>();

    /** Encoder body, latent head and decoder of one modality. */
    private record Expert(Block body, Block head, Block decoder, boolean conditionAtInput) {
        List<Block> blocks() {
            return List.of(body, head, decoder);
        }
    }

    /** μ and log σ² of q(z|x), each (N, latent). */
    record Posterior(NDArray mu, NDArray logVar) {
    }

    /**
     * One forward pass: the posterior, per-sample reconstruction error (N), per-sample and
     * per-dimension KL (N, latent).
     */
    record Pass(Posterior posterior, NDArray reconstruction, NDArray kl) {
    }

    /**
     * Builds the blocks and draws initial weights from the engine seeded with the spec's seed. The
     * engine's generator is global, so seeding and drawing hold one lock: networks built on other
     * threads at the same time neither see nor shift this one's draws.
     */
    Network(VaeSpec spec) {
        this.spec = spec;
        this.manager = Engines.pytorch().newBaseManager();
        try (Autograd quiet = Autograd.off()) {
            synchronized (Network.class) {
                initialise();
            }
            store = new FlatParameters(manager, parameters());
        }
    }

    private void initialise() {
        Engines.pytorch().setRandomSeed((int) spec.seed());
        int c = spec.conditionSize();
        int latent = spec.latentDim();
        for (int m = 0; m < spec.modalityCount(); m++) {
            Expert e = spec.kind() == VaeKind.CONV ? convExpert() : mlpExpert(spec.width(m));
            Shape bodyIn = spec.kind() == VaeKind.CONV
                    ? new Shape(1, 1, spec.inputShape().get(0), spec.inputShape().get(1))
                    : new Shape(1, spec.width(m) + c);
            e.body().initialize(manager, DataType.FLOAT32, bodyIn);
            long features = e.body().getOutputShapes(new Shape[] {bodyIn})[0].get(1);
            e.head().initialize(manager, DataType.FLOAT32, new Shape(1, features + (e.conditionAtInput() ? 0 : c)));
            e.decoder().initialize(manager, DataType.FLOAT32, new Shape(1, latent + c));
            experts.add(e);
        }
    }

    private Expert mlpExpert(int width) {
        SequentialBlock body = new SequentialBlock();
        for (int h : spec.hiddenSizes()) {
            body.add(Linear.builder().setUnits(h).build()).add(Activation.reluBlock());
        }
        SequentialBlock decoder = new SequentialBlock();
        for (int i = spec.hiddenSizes().size() - 1; i >= 0; i--) {
            decoder.add(Linear.builder().setUnits(spec.hiddenSizes().get(i)).build()).add(Activation.reluBlock());
        }
        decoder.add(Linear.builder().setUnits(width).build());
        return new Expert(body, head(), decoder, true);
    }

    /**
     * 4×4 stride-2 convolutions (padding 1) down to (H/2^k, W/2^k). The decoder mirrors them with
     * sub-pixel convolutions, because DJL's PyTorch engine has no transposed convolution: a 2×2
     * convolution over the input padded by one row and column (bottom, right) to 4× the channels,
     * then a pixel shuffle. Each output pixel then sees a 2×2 input neighbourhood, as with a 4×4
     * stride-2 transposed convolution, at the same cost.
     */
    private Expert convExpert() {
        List<Integer> channels = spec.hiddenSizes();
        int k = channels.size();
        int h = spec.inputShape().get(0) >> k;
        int w = spec.inputShape().get(1) >> k;
        int deepest = channels.get(k - 1);
        SequentialBlock body = new SequentialBlock();
        for (int ch : channels) {
            body.add(Conv2d.builder().setFilters(ch).setKernelShape(new Shape(CONV_KERNEL, CONV_KERNEL))
                    .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build())
                    .add(Activation.reluBlock());
        }
        body.add(Blocks.batchFlattenBlock());
        SequentialBlock decoder = new SequentialBlock()
                .add(Linear.builder().setUnits((long) deepest * h * w).build())
                .add(Activation.reluBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, deepest, h, w), "unflatten"));
        for (int i = k - 1; i >= 0; i--) {
            int out = i == 0 ? 1 : channels.get(i - 1);
            decoder.add(LambdaBlock.singleton(x -> x.pad(new Shape(0, 1, 0, 1), 0), "padRightBottom"))
                    .add(Conv2d.builder().setFilters(out * UPSAMPLE * UPSAMPLE).setKernelShape(new Shape(2, 2)).build())
                    .add(LambdaBlock.singleton(Network::pixelShuffle, "pixelShuffle"));
            if (i > 0) {
                decoder.add(Activation.reluBlock());
            }
        }
        return new Expert(body, head(), decoder, false);
    }

    private Block head() {
        return Linear.builder().setUnits(2L * spec.latentDim()).build();
    }

    /** (N, C·r², H, W) → (N, C, H·r, W·r) with torch.nn.PixelShuffle's channel order. */
    static NDArray pixelShuffle(NDArray x) {
        Shape s = x.getShape();
        long c = s.get(1) / (UPSAMPLE * UPSAMPLE);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(-1, c, UPSAMPLE, UPSAMPLE, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(-1, c, h * UPSAMPLE, w * UPSAMPLE);
    }

    /** All weights as one vector; training passes read views split off it by {@link FlatParameters#trainingViews}. */
    FlatParameters weights() {
        return store;
    }

    private List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Expert e : experts) {
            for (Block b : e.blocks()) {
                b.getParameters().forEach(p -> all.add(p.getValue()));
            }
        }
        return all;
    }

    /**
     * q(z|x). With a mask (multimodal specs) the per-modality posteriors of the present modalities
     * and the prior are fused by product of experts; otherwise the single encoder's posterior.
     */
    Posterior encode(List<NDArray> x, NDArray mask, NDArray condition, boolean training) {
        List<Posterior> parts = new ArrayList<>();
        for (int m = 0; m < experts.size(); m++) {
            Expert e = experts.get(m);
            NDArray in = e.conditionAtInput() ? withCondition(x.get(m), condition) : x.get(m);
            NDArray features = e.body().forward(store, new NDList(in), training).singletonOrThrow();
            if (!e.conditionAtInput()) {
                features = withCondition(features, condition);
            }
            NDList out = e.head().forward(store, new NDList(features), training).singletonOrThrow().split(2, 1);
            parts.add(new Posterior(out.get(0), out.get(1).clip(-LOG_VAR_LIMIT, LOG_VAR_LIMIT)));
        }
        if (mask == null) {
            return parts.get(0);
        }
        // Product of Gaussians: precision-weighted mean; the prior N(0, I) contributes precision 1.
        NDArray precisionSum = null;
        NDArray weightedMean = null;
        for (int m = 0; m < parts.size(); m++) {
            NDArray precision = parts.get(m).logVar().neg().exp().mul(mask.get(":, {}:{}", m, m + 1));
            NDArray weighted = precision.mul(parts.get(m).mu());
            precisionSum = precisionSum == null ? precision.add(1f) : precisionSum.add(precision);
            weightedMean = weightedMean == null ? weighted : weightedMean.add(weighted);
        }
        return new Posterior(weightedMean.div(precisionSum), precisionSum.log().neg());
    }

    /** p(x|z) means per modality, standardised units, shaped like the inputs. */
    List<NDArray> decode(NDArray z, NDArray condition, boolean training) {
        NDArray in = withCondition(z, condition);
        List<NDArray> out = new ArrayList<>();
        for (Expert e : experts) {
            out.add(e.decoder().forward(store, new NDList(in), training).singletonOrThrow());
        }
        return out;
    }

    /**
     * Encodes, draws z = μ + σ·ε and decodes. ε ~ N(0, I) comes from {@code noise}, the fit's own
     * generator rather than libtorch's global one, so fits on other threads cannot shift it.
     * Reconstruction is the sum of squared errors over each sample's values, summed over present
     * modalities.
     */
    Pass run(List<NDArray> x, NDArray mask, NDArray condition, boolean training, Random noise) {
        Posterior q = encode(x, mask, condition, training);
        NDArray half = constant(q.logVar().getManager(), 0.5f);
        NDArray sigma = q.logVar().mul(half).exp();
        NDArray z = q.mu().add(sigma.mul(gaussian(x.get(0).getManager(), q.mu().getShape(), noise)));
        List<NDArray> xHat = decode(z, condition, training);
        NDArray reconstruction = null;
        for (int m = 0; m < xHat.size(); m++) {
            NDArray err = xHat.get(m).sub(x.get(m)).square();
            int[] axes = new int[err.getShape().dimension() - 1];
            for (int a = 0; a < axes.length; a++) {
                axes[a] = a + 1;
            }
            err = err.sum(axes);
            if (mask != null) {
                err = err.mul(mask.get(":, {}", m));
            }
            reconstruction = reconstruction == null ? err : reconstruction.add(err);
        }
        NDArray kl = q.mu().square().add(q.logVar().exp()).sub(q.logVar()).sub(1f).mul(half);
        return new Pass(q, reconstruction, kl);
    }

    /**
     * {@code value} as a 0-d float32 array in memory that libtorch allocates and owns. Use it instead
     * of {@code op(Number)} wherever autograd keeps the operand for backward (mul, maximum, ...): DJL
     * wraps the number in an array over a Java direct buffer (torch::from_blob, no copy) and closes
     * it right after the op, so the graph keeps a tensor whose memory the GC frees at a time of its
     * choosing; backward then reads whatever took its place (same seed, different gradients, now
     * and then NaN).
     */
    static NDArray constant(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /** Standard normal draws in the shape, float32, in {@code manager}. */
    private static NDArray gaussian(NDManager manager, Shape shape, Random noise) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) noise.nextGaussian();
        }
        return manager.create(values, shape);
    }

    private static NDArray withCondition(NDArray x, NDArray condition) {
        return condition == null ? x : x.concat(condition, 1);
    }

    void save(DataOutputStream out) throws IOException {
        store.unpack();
        for (Expert e : experts) {
            for (Block b : e.blocks()) {
                b.saveParameters(out);
            }
        }
    }

    void load(DataInputStream in) throws IOException, MalformedModelException {
        try (Autograd quiet = Autograd.off()) {
            for (Expert e : experts) {
                for (Block b : e.blocks()) {
                    b.loadParameters(manager, in);
                }
            }
            store.repack();
        }
    }

    NDManager manager() {
        return manager;
    }

    VaeSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        manager.close();
    }
}
