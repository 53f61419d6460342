package gaan.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gaan.eval.Recommender;
import gaan.report.Recommendation;
import gaan.report.ResultRow;
import gaan.report.RunReader;
import gaan.report.RunWriter;
import gaan.report.TaskReport;

/**
 * Applies {@link Recommender#standard()} to a task's clusterings and to the tasks of a run, and
 * records the answers ({@link Recommendation}): the {@code recommended} row, each task's
 * {@code recommendation.json}, and in the results root the run's {@code recommendation.json} and
 * {@code recommended_assignments.csv}.
 */
final class Recommendations {
    private static final Recommender RULE = Recommender.standard();

    private Recommendations() {
    }

    /** A task's answer: which clustering, and the record to write. */
    record TaskAnswer(int index, Recommendation record) {
    }

    /**
     * Chooses among a task's clusterings (failed ones left out); empty when every clustering used
     * the labels or none ran.
     *
     * @param representationFile where a representation's matrix was written, relative to the results root
     */
    static Optional<TaskAnswer> choose(String task, List<ClusteringStage.ScoredPartition> clusterings,
                                       List<Representation> reps, boolean hasLabels,
                                       java.util.function.BiFunction<String, Long, String> representationFile) {
        List<Integer> ran = new ArrayList<>();
        List<Recommender.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < clusterings.size(); i++) {
            ClusteringStage.ScoredPartition c = clusterings.get(i);
            if (c.clusterer() == null) {
                continue;
            }
            ResultRow row = c.row();
            double[][] x = reps.stream().filter(r -> r.seed() == row.seed() && r.name().equals(row.representation()))
                    .findFirst().orElseThrow().x();
            ran.add(i);
            candidates.add(new Recommender.Candidate(row.representation() + "|" + row.algorithm() + "|" + row.params(),
                    row.seed(), x, c.clusterer(), c.labels(), row.scores().silhouette(), row.labelsUsedAsInput(),
                    row.kFromLabels()));
        }
        return RULE.recommend(candidates).map(choice -> {
            int index = ran.get(choice.index());
            ResultRow row = clusterings.get(index).row();
            Recommender.Evidence e = choice.chosen();
            ResultRow.Scores s = row.scores();
            return new TaskAnswer(index, new Recommendation(task, clusterings.get(index).column(),
                    row.representation(), row.inputs(), row.algorithm(), row.params(), row.seed(), s.nClusters(),
                    choice.rule(), new Recommendation.Evidence(e.stability(), e.nullStability(),
                            e.componentNullStability(), e.seedAgreement(), e.consensus(), s.silhouette(),
                            s.daviesBouldin(), s.calinskiHarabasz(), e.coverage(), e.largestShare(), e.score(),
                            e.scoreAcrossTasks()),
                    hasLabels ? new Recommendation.Reference(s.ari(), s.nmi()) : null,
                    representationFile.apply(row.representation(), row.seed()), null));
        });
    }

    /**
     * Writes the run's answer into {@code out}: among the tasks' answers (each task's
     * {@code recommendation.json}) the one with the highest score across tasks
     * ({@link Recommender#best}); nothing when no task has one.
     */
    static Optional<Recommendation> writeOverall(Path out, List<TaskReport> tasks) {
        List<Recommendation> answers = new ArrayList<>();
        List<TaskReport> owners = new ArrayList<>();
        for (TaskReport t : tasks) {
            Path file = t.folder().resolve(Recommendation.FILE);
            if (Files.isRegularFile(file)) {
                answers.add(Recommendation.read(file));
                owners.add(t);
            }
        }
        int best = Recommender.best(answers.stream().mapToDouble(a -> a.evidence().scoreAcrossTasks()).toArray());
        if (best < 0) {
            return Optional.empty();
        }
        Recommendation overall = answers.get(best).withPerTask(answers);
        overall.write(out.resolve(Recommendation.FILE));
        var assignments = RunReader.readAssignments(owners.get(best).folder().resolve(RunWriter.ASSIGNMENTS_FILE));
        Recommendation.writeAssignments(out.resolve(Recommendation.ASSIGNMENTS_FILE), assignments.trackIds(),
                assignments.clusters(overall.column()));
        return Optional.of(overall);
    }
}
