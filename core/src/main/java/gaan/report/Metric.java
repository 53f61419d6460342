package gaan.report;

import java.util.function.ToDoubleFunction;

/** The scores of a {@link ResultRow} by their CSV column name, and which direction is better. */
public enum Metric {
    SILHOUETTE("silhouette", true, ResultRow::silhouette),
    DAVIES_BOULDIN("davies_bouldin", false, ResultRow::daviesBouldin),
    CALINSKI_HARABASZ("calinski_harabasz", true, ResultRow::calinskiHarabasz),
    ARI("ari", true, ResultRow::ari),
    NMI("nmi", true, ResultRow::nmi),
    AMI("ami", true, ResultRow::ami),
    PURITY("purity", true, ResultRow::purity),
    ACCURACY("accuracy", true, ResultRow::accuracy),
    COVERAGE("coverage", true, ResultRow::coverage);

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
