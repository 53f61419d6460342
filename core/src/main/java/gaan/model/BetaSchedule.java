package gaan.model;

/**
 * How the KL weight β grows during training towards {@link VaeSpec#beta()}. Warm-up keeps the
 * decoder from learning to ignore z before the encoder carries information (posterior collapse).
 */
public enum BetaSchedule {
    /** β from the first epoch. */
    CONSTANT,
    /** β rises linearly from 0 to its target over the warm-up epochs, then stays. */
    LINEAR,
    /**
     * Cyclical annealing (Fu et al. 2019): cycles of {@code warmupEpochs} epochs; in each, β rises
     * linearly from 0 over the first half and holds its target for the second half.
     */
    CYCLICAL;

    /**
     * β for a 1-based epoch.
     *
     * @param target the β of the spec
     * @param warmupEpochs ramp length (LINEAR) or cycle length (CYCLICAL); ≤ 0 means no ramp
     */
    public double beta(double target, int epoch, int warmupEpochs) {
        if (this == CONSTANT || warmupEpochs <= 0) {
            return target;
        }
        if (this == LINEAR) {
            return target * Math.min(1.0, epoch / (double) warmupEpochs);
        }
        double ramp = Math.max(1.0, warmupEpochs / 2.0);
        int inCycle = (epoch - 1) % warmupEpochs + 1;
        return target * Math.min(1.0, inCycle / ramp);
    }
}
