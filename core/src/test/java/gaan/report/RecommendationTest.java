package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RecommendationTest {
    @TempDir
    Path dir;

    private static Recommendation answer(String task, double seedAgreement) {
        return new Recommendation(task, "pca:spectral:k=5 n_neighbors=10:s1", "pca", "mfcc", "spectral",
                "k=5 n_neighbors=10", 1, 5, "Chosen without labels.", new Recommendation.Evidence(0.8, 0.3, 0.6,
                        seedAgreement, 0.5, 0.2, 1.4, 50.0, 1.0, 0.3, 0.7, 0.55), null, task + "/representations/pca_s1.npy", null);
    }

    @Test
    void undefinedNumbersAndAMissingReferenceAreJsonNullAndReadBack() throws Exception {
        Recommendation overall = answer("music", Double.NaN).withPerTask(List.of(answer("music", Double.NaN)));
        Path file = overall.write(dir.resolve(Recommendation.FILE));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertTrue(json.get("evidence").get("seed_agreement").isNull());
        assertTrue(json.get("reference").isNull());
        assertEquals("pca:spectral:k=5 n_neighbors=10:s1", json.get("per_task").get(0).get("column").asText());
        Recommendation back = Recommendation.read(file);
        assertTrue(Double.isNaN(back.evidence().seedAgreement()));
        assertNull(back.reference());
        assertEquals(overall.evidence().stability(), back.evidence().stability());
        assertEquals(0.6, back.evidence().stabilityNullComponents());
        assertEquals(0.55, back.evidence().scoreAcrossTasks());
        assertEquals(1, back.perTask().size());
        assertNull(back.perTask().get(0).perTask());
    }

    @Test
    void assignmentsAreTrackIdAndCluster() throws Exception {
        Path file = Recommendation.writeAssignments(dir.resolve(Recommendation.ASSIGNMENTS_FILE), List.of("a", "b"),
                new int[] {2, -1});
        assertEquals("track_id,cluster\na,2\nb,-1\n", Files.readString(file));
    }

    @Test
    void aFileThatIsNoRecommendationIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"task\": \"easy\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recommendation.read(file));
        assertTrue(e.getMessage().contains("x.json"), e.getMessage());
    }
}
