package gaan.report;

/**
 * A track that was used although its file holds less audio than its header declares (a cut
 * download, a full disk): only the audio present was analysed.
 *
 * @param id      track id
 * @param lengths its file and both lengths, as the feature stage recorded them
 *                ({@code audio/x.wav: truncated: the header declares 30.000 s of audio but the file holds 12.000 s})
 */
public record TruncatedTrack(String id, String lengths) {
}
