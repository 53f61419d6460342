package gaan.audio;

/**
 * The features of one track.
 *
 * @param mfccSummary     {@code 2 × nMfcc} float32: MFCC means over frames, then standard
 *                        deviations (ddof 0)
 * @param descriptors     the MIR descriptor vector, one value per {@link DescriptorSummary#names} column
 * @param logmelPatches   {@code patchesPerTrack × nMels × patchFrames} log-mel (dB) patches
 * @param timbreFrames    {@link TimbreFrames}: {@link AudioFeatureParams#FRAMES_PER_TRACK} frames spread evenly
 *                        over the track, each its MFCCs then its spectral-contrast bands, {@code [frame][value]}
 *                        float32 (the frame distribution a codebook reads)
 * @param padded          true when the track was shorter than one patch and its patches were padded
 * @param durationSeconds length of the analysed audio (after offset and duration), seconds
 */
public record AudioFeatures(float[] mfccSummary, float[] descriptors, float[][][] logmelPatches, float[][] timbreFrames,
                            boolean padded,
                            double durationSeconds) {
}
