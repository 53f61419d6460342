/**
 * The wiring of the stages (collection → features → representations → clustering → evaluation →
 * report) for a config from {@code gaan.config}: the feature pipeline in front of the store, run
 * folders and their provenance, and the results folder a run is staged in and moved into
 * ({@link gaan.experiment.ResultsFolder}). The only package that imports every stage.
 */
package gaan.experiment;
