package gaan.config;

import java.util.List;

/** Config validation that names the offending field and the value found. */
final class FieldCheck {
    private FieldCheck() {
    }

    static void atLeast(String field, Integer value, int min) {
        if (value != null && value < min) {
            throw new ConfigException(field + " must be at least " + min + ", got " + value);
        }
    }

    /** An integer knob within {@code [min, max]}; the message says why the bound exists. */
    static void between(String field, Integer value, int min, int max, String why) {
        atLeast(field, value, min);
        if (value != null && value > max) {
            throw new ConfigException(field + " must be at most " + max + " (" + why + "), got " + value);
        }
    }

    static void eachBetween(String field, List<Integer> values, int min, int max, String why) {
        if (values != null) {
            notEmpty(field, values);
            for (int i = 0; i < values.size(); i++) {
                between(field + "[" + i + "]", values.get(i), min, max, why);
            }
        }
    }

    static void distinct(String field, List<?> values) {
        if (values != null && values.stream().distinct().count() < values.size()) {
            throw new ConfigException(field + " lists a value twice: " + values);
        }
    }

    static void positive(String field, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw new ConfigException(field + " must be a positive number, got " + value);
        }
    }

    static void range(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new ConfigException(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void notEmpty(String field, List<?> values) {
        if (values != null && values.isEmpty()) {
            throw new ConfigException(field + " must not be an empty list");
        }
    }

    static void eachAtLeast(String field, List<Integer> values, int min) {
        if (values != null) {
            notEmpty(field, values);
            for (int i = 0; i < values.size(); i++) {
                atLeast(field + "[" + i + "]", values.get(i), min);
            }
        }
    }

    static void eachPositive(String field, List<Double> values) {
        if (values != null) {
            notEmpty(field, values);
            for (int i = 0; i < values.size(); i++) {
                positive(field + "[" + i + "]", values.get(i));
            }
        }
    }

    static void require(String field, Object value) {
        if (value == null) {
            throw new ConfigException(field + " is required");
        }
    }
}
