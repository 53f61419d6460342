package gaan.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which algorithm produced a partition and with which parameters, in the order the constructor
 * takes them. Values are numbers, strings or booleans; {@link #toString()} is the text written in
 * result rows, e.g. {@code kmeans(k=6, n_init=10, max_iter=300, tol=0.0001, seed=0)}.
 */
public record Method(String algorithm, Map<String, Object> parameters) {
    public Method {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A method from alternating names and values: {@code of("kmeans", "k", 6, "seed", 0L)}. */
    public static Method of(String algorithm, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Method(algorithm, p);
    }

    /** The same method with one more parameter (e.g. the eps a knee rule chose). */
    public Method with(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put(name, value);
        return new Method(algorithm, p);
    }

    @Override
    public String toString() {
        return algorithm + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
