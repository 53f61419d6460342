package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.ClusteringSpec;
import gaan.config.ExperimentConfig;
import gaan.config.FeatureSettings;
import gaan.config.Modality;
import gaan.config.RepresentationSpec;
import gaan.config.RunRequest;
import gaan.data.DemoCorpus;
import gaan.report.ResultRow;

/**
 * Block weighting on the demo, whose lyrics carry the genre through a few embedding dimensions
 * among many near-constant ones: lyrics alone keep their signal (per-column standardisation gave
 * K-Means ARI ≈ 0.03 here), and MFCC + lyrics beats MFCC alone (it scored exactly as MFCC alone).
 */
class BlockWeightingTest {
    @TempDir
    static Path dir;
    static Map<String, Double> meanAri;

    @BeforeAll
    static void run() throws Exception {
        Path demo = dir.resolve("demo");
        DemoCorpus.write(demo, new DemoCorpus.Options(72, 1.0, 6, 42));
        ExperimentConfig task = new ExperimentConfig("weights", List.of(1L, 2L, 3L), 2, null, null,
                new FeatureSettings(null, null, null, null, null, "exclude"), null,
                List.of(raw("raw_lyrics", List.of(Modality.LYRICS)), raw("raw_mfcc", List.of(Modality.MFCC)),
                        raw("raw_mfcc_lyrics", List.of(Modality.MFCC, Modality.LYRICS))),
                List.of(ClusteringSpec.of(ClusteringSpec.Algorithm.KMEANS))).resolved().validate();
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(new RunRequest(List.of(task), demo,
                dir.resolve("out"), null), Progress.QUIET);
        meanAri = outcome.tasks().get(0).results().stream().collect(Collectors.groupingBy(ResultRow::representation,
                Collectors.averagingDouble(r -> r.scores().ari())));
    }

    private static RepresentationSpec raw(String name, List<Modality> inputs) {
        return new RepresentationSpec(name, RepresentationSpec.Kind.RAW, inputs, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void lyricsAloneKeepTheirSignal() {
        assertTrue(meanAri.get("raw_lyrics") > 0.15, "lyrics-only ARI " + meanAri);
    }

    @Test
    void mfccPlusLyricsBeatsMfccAlone() {
        assertTrue(meanAri.get("raw_mfcc_lyrics") > meanAri.get("raw_mfcc") + 0.02, meanAri.toString());
    }
}
