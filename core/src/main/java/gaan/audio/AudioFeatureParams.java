package gaan.audio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Every parameter that shapes the audio features of a track. The defaults are librosa 0.11's:
 * 22050 Hz, {@code n_fft} 2048, hop 512, 128 Slaney mel bands from 0 Hz to 11025 Hz,
 * {@code power_to_db(ref=1.0, amin=1e-10, top_db=80)}, 20 MFCCs; plus one 128-frame log-mel
 * patch from the middle of each track and the whole file (offset 0, duration 0 = to the end).
 *
 * <p>Serializable so that a distributed job (gaan-spark) ships the parameters to its workers.
 *
 * @param sampleRate      rate the audio is resampled to, Hz
 * @param nFft            STFT frame length (samples), also the FFT size
 * @param hopLength       STFT hop (samples)
 * @param nMels           number of mel bands
 * @param fmin            lowest mel band edge, Hz
 * @param fmax            highest mel band edge, Hz
 * @param amin            power floor before the logarithm
 * @param topDb           dynamic range kept below the matrix maximum, dB
 * @param nMfcc           number of MFCCs kept (the summary has twice as many values)
 * @param patchFrames     frames per log-mel patch (patches are {@code nMels × patchFrames})
 * @param patchesPerTrack evenly spaced patches per track
 * @param offsetSeconds   where decoding starts in each file
 * @param durationSeconds how much audio is analysed; 0 = to the end of the file
 */
public record AudioFeatureParams(int sampleRate, int nFft, int hopLength, int nMels, double fmin, double fmax,
                                 double amin, double topDb, int nMfcc, int patchFrames, int patchesPerTrack,
                                 double offsetSeconds, double durationSeconds) implements java.io.Serializable {
    /**
     * Version of the algorithms behind the numbers; bump it when a change alters any output value,
     * so that stores built before the change are re-extracted.
     */
    public static final int ALGORITHM_VERSION = 4;

    /**
     * Timbre frames kept per track ({@link TimbreFrames}): 512 spread over a 30 s excerpt is every
     * 2.5th frame (≈ 58 ms apart), which on real music gave the same codebook histograms as every
     * frame (docs/quality.md), at 54 KB a track (20 MFCCs and 7 contrast bands) whatever its length.
     */
    public static final int FRAMES_PER_TRACK = 512;

    public static final AudioFeatureParams DEFAULTS =
            new AudioFeatureParams(22050, 2048, 512, 128, 0.0, 11025.0, 1e-10, 80.0, 20, 128, 1, 0.0, 0.0);

    public AudioFeatureParams {
        require(sampleRate > 0, "sampleRate must be positive");
        require(nFft >= 16 && Integer.bitCount(nFft) == 1, "nFft must be a power of two >= 16");
        require(hopLength > 0, "hopLength must be positive");
        require(nMels > 0 && nMfcc > 0 && nMfcc <= nMels, "need 0 < nMfcc <= nMels");
        require(fmin >= 0 && fmax > fmin && fmax <= sampleRate / 2.0, "need 0 <= fmin < fmax <= sampleRate/2");
        require(amin > 0 && topDb > 0, "amin and topDb must be positive");
        require(patchFrames > 0 && patchesPerTrack > 0, "patchFrames and patchesPerTrack must be positive");
        require(offsetSeconds >= 0 && durationSeconds >= 0, "offsetSeconds and durationSeconds must be >= 0");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("audio feature parameters: " + message);
        }
    }

    public AudioFeatureParams withPatchesPerTrack(int patches) {
        return new AudioFeatureParams(sampleRate, nFft, hopLength, nMels, fmin, fmax, amin, topDb, nMfcc,
                patchFrames, patches, offsetSeconds, durationSeconds);
    }

    public AudioFeatureParams withWindow(double offset, double duration) {
        return new AudioFeatureParams(sampleRate, nFft, hopLength, nMels, fmin, fmax, amin, topDb, nMfcc,
                patchFrames, patchesPerTrack, offset, duration);
    }

    /** Length of the MFCC summary vector: means then standard deviations. */
    public int summaryLength() {
        return 2 * nMfcc;
    }

    /** Length of the MIR descriptor vector ({@link DescriptorSummary#names}). */
    public int descriptorLength() {
        return DescriptorSummary.names(this).size();
    }

    /** Every parameter and the algorithm version, in a fixed order and format. */
    public String canonical() {
        return String.format(Locale.ROOT, "gaan-audio/%d sr=%d n_fft=%d hop=%d n_mels=%d fmin=%s fmax=%s amin=%s"
                        + " top_db=%s n_mfcc=%d patch_frames=%d patches=%d timbre_frames=%d offset=%s duration=%s",
                ALGORITHM_VERSION, sampleRate, nFft, hopLength, nMels, fmin, fmax, amin, topDb, nMfcc, patchFrames,
                patchesPerTrack, FRAMES_PER_TRACK, offsetSeconds, durationSeconds);
    }

    /** A stable 16-hex-digit key (SHA-1 prefix of {@link #canonical()}) naming these parameters in caches. */
    public String cacheKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
