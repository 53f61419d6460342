/**
 * The numerical kernels more than one stage needs, written once: {@link gaan.linalg.Points}
 * (points flat in row-major order, squared Euclidean distances and the distance to a box),
 * {@link gaan.linalg.Parallel} (a fixed thread pool over index ranges), the one symmetric
 * eigen-solver {@link gaan.linalg.SymmetricEigen}, {@link gaan.linalg.BlockLanczos} for the leading
 * eigenpairs of large sparse symmetric operators, and the one {@link gaan.linalg.Pca}. Used by
 * {@code gaan.cluster}, {@code gaan.eval}, {@code gaan.text}, {@code gaan.report} and
 * {@code gaan.experiment}; imports no other gaan package. Plain {@code double} arrays in and out.
 */
package gaan.linalg;
