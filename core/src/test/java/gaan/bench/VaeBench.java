package gaan.bench;

import gaan.model.BetaSchedule;
import gaan.model.TrainConfig;
import gaan.model.Trainer;
import gaan.model.Vae;
import gaan.model.VaeInput;
import gaan.model.VaeSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seconds per training epoch at 2 libtorch threads (median over the epochs after the first, which
 * pays for warm-up): MLP-VAE (40→512→256→32) on 5000×40 standard normal rows, ConvVAE (32→64→128→256
 * channels, latent 32) on 512 standard normal 128×128 patches, both batch 64 without a validation
 * split. PyTorch 1.13 took 0.186 s and 5.14 s on this kind of machine. (With batches of 64 rows the
 * Trainer runs the MLP-VAE on one of the 2 threads; see {@code TrainConfig.threads}.)
 *
 * <p>Also reports the process CPU seconds per epoch (all threads): on a machine shared with other
 * work, CPU seconds / 2 approximates the wall time on an idle one.
 * Usage: {@code bench/run.sh vae [mlpEpochs convEpochs [threads]]}; 0 conv epochs skips the ConvVAE
 * (null in the JSON).
 */
public final class VaeBench {
    public static void main(String[] args) {
        int mlpEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int convEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        TrainConfig config = TrainConfig.defaults().withBatchSize(64).withValidationFraction(0).withPatience(0)
                .withBetaSchedule(BetaSchedule.CONSTANT, 0).withThreads(threads);
        Random random = new Random(0);
        float[][] vectors = new float[5000][40];
        for (float[] row : vectors) {
            fill(row, random);
        }
        double[] mlp = secondsPerEpoch("mlp", VaeSpec.mlp(40), VaeInput.vectors(vectors), config.withEpochs(mlpEpochs));
        double[] conv = {Double.NaN, Double.NaN};
        if (convEpochs > 0) {
            float[][][] patches = new float[512][128][128];
            for (float[][] patch : patches) {
                for (float[] row : patch) {
                    fill(row, random);
                }
            }
            conv = secondsPerEpoch("conv", VaeSpec.conv(128, 128), VaeInput.patches(patches), config.withEpochs(convEpochs));
        }
        Bench.create()
                .put("mlp_s_per_epoch", mlp[0])
                .put("conv_s_per_epoch", conv[0])
                .put("peak_rss_mb", Bench.peakRssMb())
                .put("mlp_cpu_s_per_epoch", mlp[1])
                .put("conv_cpu_s_per_epoch", conv[1])
                .print();
    }

    /** Median wall seconds and median process CPU seconds per epoch, first epoch excluded. */
    private static double[] secondsPerEpoch(String name, VaeSpec spec, VaeInput input, TrainConfig config) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long[] lastCpu = {processCpuNanos()};
        try (Vae vae = new Trainer(config).fit(spec, input, row -> {
            long now = processCpuNanos();
            wall.add(row.seconds());
            cpu.add((now - lastCpu[0]) / 1e9);
            lastCpu[0] = now;
            System.err.println(name + " " + row);
        })) {
            int skip = Math.min(1, wall.size() - 1);
            return new double[] {median(wall.subList(skip, wall.size())), median(cpu.subList(skip, cpu.size()))};
        }
    }

    private static double median(List<Double> values) {
        return Bench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void fill(float[] row, Random random) {
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) random.nextGaussian();
        }
    }

    private VaeBench() {
    }
}
