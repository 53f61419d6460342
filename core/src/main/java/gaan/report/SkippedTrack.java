package gaan.report;

/** A track left out of a run, with the reason the feature stage recorded (undecodable, too short, ...). */
public record SkippedTrack(String id, String reason) {
}
