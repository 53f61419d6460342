package gaan.audio;

import java.util.Locale;

/**
 * What {@link AudioDecoder#load} read from a file: the samples of the requested window and, when
 * the file holds less audio than its header declares (a cut download, a full disk), both lengths.
 *
 * @param samples    mono float32 samples at the decoder's rate
 * @param truncation both lengths of a truncated file, or null when the file is whole
 */
public record DecodedAudio(float[] samples, Truncation truncation) {
    public boolean truncated() {
        return truncation != null;
    }

    /**
     * A file whose audio stream ends before the length its header declares.
     *
     * @param declaredSeconds the length the header declares, seconds
     * @param fileSeconds     the length the file holds (its audio decodes to), seconds
     */
    public record Truncation(double declaredSeconds, double fileSeconds) {
        /** One phrase naming both lengths, e.g. for a skip reason or a warning. */
        public String describe() {
            return String.format(Locale.ROOT, "truncated: the header declares %.3f s of audio but the file holds"
                    + " %.3f s", declaredSeconds, fileSeconds);
        }
    }
}
