/**
 * What a run is asked to do: the YAML experiment files and their types ({@link gaan.config.ExperimentConfig}
 * and its specs and settings), the Easy / Medium / Hard presets, command-line overrides and the
 * validation that names the offending field. Every default a task takes is written here once
 * ({@link gaan.config.ExperimentConfig#resolved()}). Imports no other gaan package: the stages read
 * these values, never the reverse.
 */
package gaan.config;
