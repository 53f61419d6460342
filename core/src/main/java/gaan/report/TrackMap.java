package gaan.report;

import java.util.List;

/**
 * The report's interactive map: one clustering's representation projected to 2-D, one point per
 * track. Row {@code i} of {@code points}, {@code clusters} and {@code tracks} is the same track.
 *
 * @param caption  what is mapped and how, e.g. {@code pca32 kmeans k=5, t-SNE}
 * @param points   {@code n × 2} coordinates (any scale; the page fits them to the canvas)
 * @param clusters cluster per track, -1 for noise
 * @param tracks   the tracks (id, genres, language, label, audio)
 */
public record TrackMap(String caption, double[][] points, int[] clusters, List<TrackInfo> tracks) {

    public TrackMap {
        tracks = List.copyOf(tracks);
        if (points.length != tracks.size() || clusters.length != tracks.size()) {
            throw new IllegalArgumentException("map '" + caption + "': " + points.length + " points and "
                    + clusters.length + " clusters for " + tracks.size() + " tracks; give one of each per track");
        }
    }
}
