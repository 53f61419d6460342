package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.report.Assignments;
import gaan.report.Recommendation;
import gaan.report.RunWriter;
import gaan.report.TaskReport;

class RecommendationsTest {
    @TempDir
    Path out;

    /**
     * A task folder holding its answer: column {@code answer} of its assignments (every track in
     * cluster {@code cluster}), with the given scores within the task and across tasks.
     */
    private TaskReport task(String name, int cluster, double score, double scoreAcrossTasks) throws Exception {
        Path folder = Files.createDirectories(out.resolve(name));
        List<String> ids = List.of("a", "b", "c");
        int[] clusters = new int[ids.size()];
        Arrays.fill(clusters, cluster);
        new RunWriter(folder).writeAssignments(new Assignments(ids, Arrays.asList(null, null, null),
                Arrays.asList(null, null, null), Map.of("answer", clusters)));
        new Recommendation(name, "answer", "raw", "mfcc", "kmeans", "k=4", 1, 4, "Chosen without labels.",
                new Recommendation.Evidence(1.0, 0.1, 0.7, 1.0, 0.9, 0.3, 1.0, 50.0, 1.0, 0.3, score, scoreAcrossTasks),
                null, name + "/representations/raw_s1.npy", null).write(folder.resolve(Recommendation.FILE));
        return new TaskReport(name, folder, List.of(), Map.of(), new TaskReport.HeadToHead(null, null), List.of(),
                null, List.of(), null, List.of(), List.of());
    }

    /**
     * The demo's case: easy's answer has the higher score within its task (its shuffled-feature null
     * credits a split of 40 correlated MFCC columns), music's the higher score across tasks; the run
     * answers with music's.
     */
    @Test
    void theRunsAnswerIsTheTaskAnswerWithTheHighestScoreAcrossTasks() throws Exception {
        List<TaskReport> tasks = List.of(task("easy", 1, 0.764, 0.475), task("music", 2, 0.687, 0.557));
        Recommendation overall = Recommendations.writeOverall(out, tasks).orElseThrow();
        assertEquals("music", overall.task());
        assertEquals(List.of("easy", "music"), overall.perTask().stream().map(Recommendation::task).toList());
        assertEquals("music", Recommendation.read(out.resolve(Recommendation.FILE)).task());
        assertEquals("track_id,cluster\na,2\nb,2\nc,2\n", Files.readString(out.resolve(Recommendation.ASSIGNMENTS_FILE)));
    }
}
