/**
 * The wiring of the stages (collection → features → representations → clustering → evaluation →
 * report) for a config from {@code gaan.config}: the feature pipeline in front of the store, run
 * folders and their provenance. The only package that imports every stage.
 */
package gaan.experiment;
