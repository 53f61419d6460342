/**
 * Linear algebra shared by the stages: the dense symmetric eigen-solver and the block Lanczos
 * solver for large sparse symmetric operators. Matrices are {@code double} and row-major; vectors
 * of a basis are stored as rows.
 */
package gaan.linalg;
