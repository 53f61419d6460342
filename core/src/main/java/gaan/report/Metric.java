package gaan.report;

import java.util.function.ToDoubleFunction;

/** The scores of a {@link ResultRow} by their CSV column name, and which direction is better. */
public enum Metric {
    SILHOUETTE("silhouette", true, r -> r.scores().silhouette()),
    DAVIES_BOULDIN("davies_bouldin", false, r -> r.scores().daviesBouldin()),
    CALINSKI_HARABASZ("calinski_harabasz", true, r -> r.scores().calinskiHarabasz()),
    ARI("ari", true, r -> r.scores().ari()),
    NMI("nmi", true, r -> r.scores().nmi()),
    AMI("ami", true, r -> r.scores().ami()),
    PURITY("purity", true, r -> r.scores().purity()),
    ACCURACY("accuracy", true, r -> r.scores().accuracy()),
    COVERAGE("coverage", true, r -> r.scores().coverage());

    private final String column;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<ResultRow> value;

    Metric(String column, boolean higherIsBetter, ToDoubleFunction<ResultRow> value) {
        this.column = column;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(ResultRow row) {
        return value.applyAsDouble(row);
    }
}
