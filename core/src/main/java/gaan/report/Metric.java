package gaan.report;

import java.util.function.ToDoubleFunction;

/** The scores of a {@link ResultRow} by their CSV column name, and which direction is better. */
public enum Metric {
    SILHOUETTE("silhouette", "Silhouette", true, r -> r.scores().silhouette()),
    DAVIES_BOULDIN("davies_bouldin", "Davies-Bouldin", false, r -> r.scores().daviesBouldin()),
    CALINSKI_HARABASZ("calinski_harabasz", "Calinski-Harabasz", true, r -> r.scores().calinskiHarabasz()),
    ARI("ari", "ARI", true, r -> r.scores().ari()),
    NMI("nmi", "NMI", true, r -> r.scores().nmi()),
    AMI("ami", "AMI", true, r -> r.scores().ami()),
    PURITY("purity", "Purity", true, r -> r.scores().purity()),
    ACCURACY("accuracy", "Accuracy", true, r -> r.scores().accuracy()),
    COVERAGE("coverage", "Coverage", true, r -> r.scores().coverage());

    private final String column;
    private final String title;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<ResultRow> value;

    Metric(String column, String title, boolean higherIsBetter, ToDoubleFunction<ResultRow> value) {
        this.column = column;
        this.title = title;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String column() {
        return column;
    }

    /** The metric's name for people, as in a plot title ("Davies-Bouldin"). */
    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(ResultRow row) {
        return value.applyAsDouble(row);
    }
}
