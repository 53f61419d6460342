package gaan.audio;

/**
 * The audio feature pipeline of one set of {@link AudioFeatureParams}: samples → power
 * spectrogram ({@link Spectrogram}) → mel ({@link MelFilterbank}) → dB ({@link PowerToDb}) →
 * MFCC ({@link Mfcc}) → summary, sampled frames and log-mel patches ({@link LogMelPatches}), and the MIR
 * descriptors ({@link DescriptorAnalyzer}) → their per-track vector ({@link DescriptorSummary}).
 * The spectrogram is computed a block of frames at a time straight into the mel matrix and the
 * spectral descriptors, so the full STFT is never held and never computed twice.
 *
 * <p>Owns scratch buffers: use one instance per thread. The tables (window, filterbank, DCT)
 * are built once per instance. {@link #analyze} keeps its mel (turned into dB in place) and MFCC
 * matrices across calls, grown to the longest track seen, so a track costs no large allocation.
 */
public final class AudioAnalyzer {
    private final AudioFeatureParams params;
    private final Spectrogram spectrogram;
    private final MelFilterbank melFilterbank;
    private final Mfcc mfcc;
    private final float[][] block;
    private final DescriptorAnalyzer descriptors;
    /** {@link #analyze}'s mel, then dB, matrix: {@code nMels} rows, columns beyond the track's frames are stale. */
    private float[][] melDb = new float[0][];
    /** {@link #analyze}'s MFCC matrix, columns as {@link #melDb}. */
    private float[][] mfccs = new float[0][];

    public AudioAnalyzer(AudioFeatureParams params) {
        this.params = params;
        this.spectrogram = new Spectrogram(params.nFft(), params.hopLength());
        this.melFilterbank = new MelFilterbank(params.sampleRate(), params.nFft(), params.nMels(),
                params.fmin(), params.fmax());
        this.mfcc = new Mfcc(params.nMfcc(), params.nMels());
        this.block = spectrogram.newBlock();
        this.descriptors = new DescriptorAnalyzer(params, spectrogram.bins(), Spectrogram.BLOCK);
    }

    public AudioFeatureParams params() {
        return params;
    }

    /** Mel power {@code (nMels, T)} of mono samples at {@code params.sampleRate()}. */
    public float[][] mel(float[] samples) {
        float[][] mel = new float[params.nMels()][spectrogram.frames(samples.length)];
        mel(samples, mel);
        return mel;
    }

    /** Mel power of {@code samples} into the first {@code frames(samples.length)} columns of {@code mel}. */
    private void mel(float[] samples, float[][] mel) {
        blocks(samples, mel, false);
    }

    /**
     * Mel power of {@code samples} into the first {@code frames(samples.length)} columns of
     * {@code mel}, and, with {@code withDescriptors}, the spectral descriptors from the same blocks.
     */
    private void blocks(float[] samples, float[][] mel, boolean withDescriptors) {
        int frames = spectrogram.frames(samples.length);
        if (withDescriptors) {
            descriptors.start(frames);
        }
        for (int t0 = 0; t0 < frames; t0 += Spectrogram.BLOCK) {
            int count = Math.min(Spectrogram.BLOCK, frames - t0);
            spectrogram.powerBlock(samples, t0, block);
            melFilterbank.applyBlock(block, count, mel, t0);
            if (withDescriptors) {
                descriptors.block(block, count, t0);
            }
        }
    }

    /** Mel, log-mel and MFCC matrices of mono samples at {@code params.sampleRate()}. */
    public Spectra spectra(float[] samples) {
        float[][] mel = mel(samples);
        float[][] melDb = PowerToDb.apply(mel, params.amin(), params.topDb());
        return new Spectra(mel, melDb, mfcc.apply(melDb));
    }

    /** The per-frame MIR descriptors of mono samples at {@code params.sampleRate()}. */
    public FrameDescriptors descriptors(float[] samples) {
        int frames = spectrogram.frames(samples.length);
        float[][] mel = new float[params.nMels()][frames];
        blocks(samples, mel, true);
        PowerToDb.apply(mel, frames, params.amin(), params.topDb(), mel);
        return descriptors.finish(samples, mel, mfcc.apply(mel), frames);
    }

    /** The per-track features of mono samples at {@code params.sampleRate()}. */
    public AudioFeatures analyze(float[] samples) {
        int frames = spectrogram.frames(samples.length);
        if (melDb.length == 0 || melDb[0].length < frames) {
            melDb = new float[params.nMels()][frames];
            mfccs = new float[params.nMfcc()][frames];
        }
        blocks(samples, melDb, true);
        PowerToDb.apply(melDb, frames, params.amin(), params.topDb(), melDb);
        mfcc.apply(melDb, frames, mfccs);
        FrameDescriptors d = descriptors.finish(samples, melDb, mfccs, frames);
        float[] vector = descriptors.summary(params, melDb, mfccs, frames, d);
        LogMelPatches patches = LogMelPatches.of(melDb, frames, params.patchFrames(), params.patchesPerTrack());
        return new AudioFeatures(Mfcc.summary(mfccs, frames), vector, patches.patches(),
                TimbreFrames.sample(mfccs, d.contrast(), frames, AudioFeatureParams.FRAMES_PER_TRACK), patches.padded(),
                (double) samples.length / params.sampleRate());
    }
}
