package gaan.audio;

/**
 * The per-frame descriptors of one track, librosa's shapes (rows first, frames second), float32;
 * each matches one librosa 0.11 call (see its type). Frames are the STFT's.
 *
 * @param centroid   {@code (T)} spectral centroid, Hz ({@link SpectralShape})
 * @param bandwidth  {@code (T)} spectral bandwidth, Hz ({@link SpectralShape})
 * @param rolloff    {@code (T)} 85 % spectral roll-off, Hz ({@link SpectralShape})
 * @param flatness   {@code (T)} spectral flatness ({@link SpectralFlatness})
 * @param contrast   {@code (7, T)} spectral contrast, dB ({@link SpectralContrast})
 * @param chroma     {@code (12, T)} chroma, C first ({@link ChromaStft})
 * @param zcr        {@code (T)} zero-crossing rate ({@link ZeroCrossingRate})
 * @param rms        {@code (T)} RMS ({@link Rms})
 * @param onset      {@code (T)} onset strength ({@link OnsetStrength})
 * @param mfccDelta  {@code (nMfcc, T)} first-order MFCC deltas ({@link MfccDelta})
 * @param tempogram  {@code (N)} the tempogram's mean over frames, lag 0 first ({@link Tempogram})
 * @param tempoBpm   librosa's tempo estimate, BPM ({@link Tempogram})
 */
public record FrameDescriptors(float[] centroid, float[] bandwidth, float[] rolloff, float[] flatness,
                               float[][] contrast, float[][] chroma, float[] zcr, float[] rms, float[] onset,
                               float[][] mfccDelta, double[] tempogram, double tempoBpm) {
}
