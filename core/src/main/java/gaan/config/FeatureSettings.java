package gaan.config;

/**
 * Feature extraction settings of a task; {@code null} fields take {@link #DEFAULTS}.
 *
 * @param patches       log-mel patches per track (evenly spaced; 1 = the middle)
 * @param offset        seconds skipped at the start of every track
 * @param duration      seconds analysed per track; 0 = the whole track
 * @param lyrics        {@code char-ngram} (built-in, no weights) or the folder of an ONNX sentence model
 * @param lyricsDim     dimension of the char-n-gram lyrics embedding
 * @param missingLyrics {@code exclude}: tracks without lyrics leave every representation of a task
 *                      that uses lyrics, so all rows compare the same tracks; {@code impute}: a
 *                      missing lyrics block becomes the block mean (the multimodal VAE masks it
 *                      instead), and the rows say how many tracks were imputed
 */
public record FeatureSettings(Integer patches, Double offset, Double duration, String lyrics, Integer lyricsDim,
                              String missingLyrics) {

    public static final FeatureSettings DEFAULTS = new FeatureSettings(1, 0.0, 0.0, "char-ngram", 128, "impute");

    public FeatureSettings over(FeatureSettings base) {
        return new FeatureSettings(
                patches != null ? patches : base.patches,
                offset != null ? offset : base.offset,
                duration != null ? duration : base.duration,
                lyrics != null ? lyrics : base.lyrics,
                lyricsDim != null ? lyricsDim : base.lyricsDim,
                missingLyrics != null ? missingLyrics : base.missingLyrics);
    }

    public boolean excludeMissingLyrics() {
        return "exclude".equals(missingLyrics);
    }

    void validate(String path) {
        FieldCheck.atLeast(path + ".patches", patches, 1);
        FieldCheck.range(path + ".offset", offset, 0.0, Double.MAX_VALUE);
        FieldCheck.range(path + ".duration", duration, 0.0, Double.MAX_VALUE);
        FieldCheck.atLeast(path + ".lyricsDim", lyricsDim, 2);
        if (missingLyrics != null && !missingLyrics.equals("exclude") && !missingLyrics.equals("impute")) {
            throw new ConfigException(path + ".missingLyrics must be 'exclude' or 'impute', got '" + missingLyrics + "'");
        }
    }
}
