/**
 * Reading a music collection: tracks and their ids, the modalities each track has, genre
 * vocabularies and multi-hot encoding, the built-in demo corpus, and the {@code .npy} format
 * every stage uses to hand matrices to numpy.
 */
package gaan.data;
