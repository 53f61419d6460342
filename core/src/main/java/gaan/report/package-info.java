/**
 * The outputs of a run: the three CSV files and {@code run.json} of a run folder
 * ({@link gaan.report.RunWriter}), PNG plots ({@link gaan.report.Plots}), 2-D maps of a
 * representation ({@link gaan.report.Projection}), the exploratory analysis of a collection
 * ({@link gaan.report.EdaPlots}) and the self-contained HTML page ({@link gaan.report.HtmlReport}).
 *
 * <p>This package takes its inputs as its own plain records ({@link gaan.report.ResultRow},
 * {@link gaan.report.HistoryRow}, {@link gaan.report.Assignments}, {@link gaan.report.TrackInfo},
 * ...), which the experiment stage fills from the other stages; it depends on no other stage
 * (only on {@code gaan.linalg} for the PCA of its maps). It decides nothing about the run: the
 * rows a task's summary shows ({@link gaan.report.TaskReport#best()}) come chosen.
 *
 * <p>Numbers are written as text by {@link gaan.report.Numbers} only. In CSV files pandas reads
 * them without options: a missing or undefined value (NaN) is an empty cell, infinities are
 * {@code inf}/{@code -inf}, other doubles use Java's shortest round-trip form, and booleans are
 * {@code true}/{@code false}.
 */
package gaan.report;
