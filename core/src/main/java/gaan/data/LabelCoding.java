package gaan.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * String labels coded as integers for metrics: {@code codes[i]} indexes {@link #names()}, or is
 * -1 where track {@code i} has no label. Names are sorted, so the coding does not depend on
 * track order.
 */
public record LabelCoding(int[] codes, List<String> names) {

    public static LabelCoding of(List<String> labels) {
        TreeSet<String> distinct = new TreeSet<>();
        labels.stream().filter(Objects::nonNull).forEach(distinct::add);
        List<String> names = new ArrayList<>(distinct);
        int[] codes = new int[labels.size()];
        for (int i = 0; i < codes.length; i++) {
            String label = labels.get(i);
            codes[i] = label == null ? -1 : names.indexOf(label);
        }
        return new LabelCoding(codes, List.copyOf(names));
    }
}
