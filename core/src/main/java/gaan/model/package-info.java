/**
 * Variational Autoencoders on DJL's PyTorch engine: MLP, convolutional, conditional, β and
 * multimodal (product of experts), their training loop with KL warm-up and free bits, and
 * checkpoints. This is the only package that touches DJL; its public API takes and returns plain
 * Java arrays and records.
 *
 * <p>Conventions: matrices are row-major {@code float[rows][features]} with one row per track (or
 * per patch); patches are {@code float[rows][height][width]}; every tensor is float32. Inputs are
 * standardised inside the model (statistics saved with it), so callers pass raw features.
 */
package gaan.model;
