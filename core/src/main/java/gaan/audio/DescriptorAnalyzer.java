package gaan.audio;

import java.util.Arrays;

/**
 * Computes a track's {@link FrameDescriptors} alongside the mel spectrogram: the spectral ones
 * ({@link SpectralShape}, {@link SpectralFlatness},
 * {@link SpectralContrast}, {@link ChromaStft}) from each block of power frames as the STFT
 * produces it ({@link #block}), so there is no second STFT; the rest ({@link ZeroCrossingRate},
 * {@link Rms} from the samples, {@link OnsetStrength} and {@link Tempogram} from the log-mel
 * matrix, {@link MfccDelta} from the MFCCs) once the track is complete ({@link #finish}).
 *
 * <p>Owns per-frame arrays (grown to the longest track seen) and block scratch: one instance per
 * thread, as its {@link AudioAnalyzer}.
 */
public final class DescriptorAnalyzer {
    private final SpectralShape shape;
    private final SpectralFlatness flatness;
    private final SpectralContrast contrast;
    private final ChromaStft chroma;
    private final ZeroCrossingRate zcr;
    private final Rms rms;
    private final OnsetStrength onset;
    private final MfccDelta delta = new MfccDelta();
    private final Tempogram tempogram;
    private final int nMfcc;

    private final SpectralShape.Scratch shapeScratch;
    private final SpectralFlatness.Scratch flatnessScratch;
    private final SpectralContrast.Scratch contrastScratch;
    private final float[][] chromaAcc;

    private int capacity;
    private float[] centroidFrames;
    private float[] bandwidthFrames;
    private float[] rolloffFrames;
    private float[] flatnessFrames;
    private double[][] peak;
    private double[][] valley;
    private float[][] chromaFrames;

    public DescriptorAnalyzer(AudioFeatureParams params, int bins, int blockWidth) {
        double[] freq = new double[bins];
        // np.fft.rfftfreq(n, d=1/sr): k times 1/(n d).
        double binHz = 1.0 / (params.nFft() * (1.0 / params.sampleRate()));
        for (int k = 0; k < bins; k++) {
            freq[k] = k * binHz;
        }
        shape = new SpectralShape(freq);
        flatness = new SpectralFlatness(bins);
        contrast = new SpectralContrast(freq, params.sampleRate());
        chroma = new ChromaStft(params.sampleRate(), params.nFft());
        HopSegments segments = new HopSegments(params.nFft(), params.hopLength());
        zcr = new ZeroCrossingRate(segments);
        rms = new Rms(segments);
        onset = new OnsetStrength(params.nFft(), params.hopLength());
        tempogram = new Tempogram(params.sampleRate(), params.hopLength());
        nMfcc = params.nMfcc();
        shapeScratch = new SpectralShape.Scratch(bins, blockWidth);
        flatnessScratch = new SpectralFlatness.Scratch(blockWidth);
        contrastScratch = new SpectralContrast.Scratch(contrast, blockWidth);
        chromaAcc = new float[4][blockWidth];
        grow(0);
    }

    private void grow(int frames) {
        capacity = frames;
        centroidFrames = new float[frames];
        bandwidthFrames = new float[frames];
        rolloffFrames = new float[frames];
        flatnessFrames = new float[frames];
        peak = new double[contrast.bands()][frames];
        valley = new double[contrast.bands()][frames];
        chromaFrames = new float[ChromaStft.N_CHROMA][frames];
    }

    /** Makes room for a track of {@code frames} frames; call before its first {@link #block}. */
    public void start(int frames) {
        if (frames > capacity) {
            grow(frames);
        }
    }

    /** The spectral descriptors of frames {@code t0 .. t0 + count - 1} from their power block {@code power[k][j]}. */
    public void block(float[][] power, int count, int t0) {
        shape.block(power, count, shapeScratch, centroidFrames, bandwidthFrames, rolloffFrames, t0);
        flatness.block(power, count, flatnessScratch, flatnessFrames, t0);
        contrast.block(power, count, contrastScratch, peak, valley, t0);
        chroma.block(power, count, chromaAcc, chromaFrames, t0);
    }

    /**
     * All descriptors of the track whose blocks were given, from its samples, its log-mel matrix
     * and MFCCs (columns {@code [0, frames)}).
     */
    public FrameDescriptors finish(float[] samples, float[][] melDb, float[][] mfcc, int frames) {
        float[] zcrFrames = new float[frames];
        zcr.compute(samples, frames, zcrFrames);
        float[] rmsFrames = new float[frames];
        rms.compute(samples, frames, rmsFrames);
        float[] onsetFrames = new float[frames];
        onset.compute(melDb, frames, onsetFrames);
        float[][] deltas = new float[nMfcc][frames];
        delta.compute(mfcc, frames, deltas);
        double[] tg = tempogram.meanTempogram(onsetFrames, frames);
        float[][] chromaOut = new float[chromaFrames.length][];
        for (int c = 0; c < chromaOut.length; c++) {
            chromaOut[c] = Arrays.copyOf(chromaFrames[c], frames);
        }
        return new FrameDescriptors(Arrays.copyOf(centroidFrames, frames), Arrays.copyOf(bandwidthFrames, frames),
                Arrays.copyOf(rolloffFrames, frames), Arrays.copyOf(flatnessFrames, frames),
                contrast.finish(peak, valley, frames), chromaOut, zcrFrames, rmsFrames, onsetFrames, deltas, tg,
                tempogram.bpm(tempogram.bestLag(tg)));
    }

    /** The per-track vector ({@link DescriptorSummary}) of {@code finish}'s result and the same matrices. */
    public float[] summary(AudioFeatureParams params, float[][] melDb, float[][] mfcc, int frames, FrameDescriptors d) {
        return DescriptorSummary.of(params, melDb, mfcc, frames, d, tempogram);
    }
}
