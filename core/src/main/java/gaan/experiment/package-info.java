/**
 * Experiments: the Easy / Medium / Hard presets and YAML configs, the wiring of the stages
 * (collection → features → representations → clustering → evaluation → report), run folders and
 * their provenance.
 */
package gaan.experiment;
