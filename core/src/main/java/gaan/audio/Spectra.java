package gaan.audio;

/**
 * The matrices of one track, librosa's shapes (frequency axis first, frames second), float32.
 *
 * @param mel   {@code (nMels, T)} mel power
 * @param melDb {@code (nMels, T)} mel power in dB ({@link PowerToDb})
 * @param mfcc  {@code (nMfcc, T)} MFCCs ({@link Mfcc})
 */
public record Spectra(float[][] mel, float[][] melDb, float[][] mfcc) {
    public int frames() {
        return mel.length == 0 ? 0 : mel[0].length;
    }
}
