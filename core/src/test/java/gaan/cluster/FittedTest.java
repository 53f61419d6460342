package gaan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FittedTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {10, 10}, {10, 11}, {20, 0}, {21, 0}};

    @Test
    void theKnownPointsGetTheKnownPartitionAndOtherPointsAFit() {
        KMeans kMeans = new KMeans(3, 0, 1);
        Partition known = Partition.of(kMeans.method(), new int[] {2, 2, 1, 1, 0, 0});
        Fitted fitted = new Fitted(kMeans, X, known);
        assertSame(known, fitted.fit(X));
        double[][] copy = X.clone();
        assertArrayEquals(kMeans.fit(copy).labels(), fitted.fit(copy).labels(), "the same values in another array are fitted");
        assertThrows(IllegalArgumentException.class, () -> new Fitted(new KMeans(2, 0, 1), X, known));
        assertThrows(IllegalArgumentException.class, () -> new Fitted(kMeans, new double[2][2], known));
    }
}
