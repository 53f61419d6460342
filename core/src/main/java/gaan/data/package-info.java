/**
 * Reading a music collection: tracks and their ids, the modalities each track has, genre
 * vocabularies and multi-hot encoding, the built-in demo corpus, and the {@code .npy} format
 * every stage uses to hand matrices to numpy. Which files a collection may lead gaan to read (inside
 * its folder, or an allowed one) is {@link gaan.data.CollectionReader}'s rule; which files gaan
 * may replace or delete in a folder it writes, and who may write it, is {@link gaan.data.OwnedFolder}'s.
 */
package gaan.data;
