package gaan.bench;

import gaan.model.BetaSchedule;
import gaan.model.TrainConfig;
import gaan.model.TrainingHistory;
import gaan.model.Trainer;
import gaan.model.Vae;
import gaan.model.VaeInput;
import gaan.model.VaeSpec;
import java.util.List;
import java.util.Random;

/**
 * Seconds per training epoch at 2 libtorch threads (median over epochs after the first, which
 * pays for warm-up): MLP-VAE (40→512→256→32) on 5000×40 standard normal rows, ConvVAE (32→64→128→256
 * channels, latent 32) on 512 standard normal 128×128 patches, both batch 64 without a validation
 * split. PyTorch 1.13 took 0.186 s and 5.14 s on this kind of machine.
 * Usage: {@code bench/run.sh vae [mlpEpochs convEpochs]}.
 */
public final class VaeBench {
    public static void main(String[] args) {
        int mlpEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int convEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainConfig config = TrainConfig.defaults().withBatchSize(64).withValidationFraction(0).withPatience(0)
                .withBetaSchedule(BetaSchedule.CONSTANT, 0).withThreads(2);
        Random random = new Random(0);
        float[][] vectors = new float[5000][40];
        for (float[] row : vectors) {
            fill(row, random);
        }
        double mlp = secondsPerEpoch("mlp", VaeSpec.mlp(40), VaeInput.vectors(vectors), config.withEpochs(mlpEpochs));
        float[][][] patches = new float[512][128][128];
        for (float[][] patch : patches) {
            for (float[] row : patch) {
                fill(row, random);
            }
        }
        double conv = secondsPerEpoch("conv", VaeSpec.conv(128, 128), VaeInput.patches(patches), config.withEpochs(convEpochs));
        Bench.create().put("mlp_s_per_epoch", mlp).put("conv_s_per_epoch", conv).put("peak_rss_mb", Bench.peakRssMb()).print();
    }

    private static double secondsPerEpoch(String name, VaeSpec spec, VaeInput input, TrainConfig config) {
        try (Vae vae = new Trainer(config).fit(spec, input, row -> System.err.println(name + " " + row))) {
            List<TrainingHistory> h = vae.history();
            double[] seconds = h.subList(Math.min(1, h.size() - 1), h.size()).stream()
                    .mapToDouble(TrainingHistory::seconds).toArray();
            return Bench.median(seconds);
        }
    }

    private static void fill(float[] row, Random random) {
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) random.nextGaussian();
        }
    }

    private VaeBench() {
    }
}
