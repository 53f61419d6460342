package gaan.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Reads experiment YAML files and prints configs as YAML. A file holds one task (the fields of
 * {@link ExperimentConfig}) or several under {@code tasks:}; a run's own {@code run.json} is
 * accepted too (its {@code config.experiment}), so a run can be repeated from its provenance.
 * Unknown fields are errors, so a misspelt key never silently falls back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A key given twice would silently keep the last value.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ConfigLoader() {
    }

    public static List<ExperimentConfig> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("experiment file " + file + " does not exist");
        }
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ConfigException(file + ": expected a mapping with the fields of a task or a 'tasks:' list");
            }
            if (root.has("config") && root.get("config").has("experiment")) {
                root = root.get("config").get("experiment");
            }
            if (root.has("tasks")) {
                ExperimentConfig[] tasks = YAML.treeToValue(root.get("tasks"), ExperimentConfig[].class);
                return List.of(tasks);
            }
            return List.of(YAML.treeToValue(root, ExperimentConfig.class));
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown field '" + e.getPropertyName() + "' at "
                    + path(e) + " (known: " + e.getKnownPropertyIds() + ")", e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw new ConfigException(file + ": " + ce.getMessage() + " at " + path(e), e);
            }
            throw new ConfigException(file + ": " + e.getOriginalMessage() + " at " + path(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared mapper, configured as for YAML files; run.json uses its JSON twin. */
    static ObjectMapper yaml() {
        return YAML;
    }
}
