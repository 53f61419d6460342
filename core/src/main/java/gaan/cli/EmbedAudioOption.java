package gaan.cli;

import picocli.CommandLine.Option;

/** {@code --embed-audio-excerpts}: the one wording of the report's self-contained audio, for run and report. */
final class EmbedAudioOption {
    @Option(names = "--embed-audio-excerpts",
            description = "Write a 10 s mono excerpt of every track (64 kbit/s MP3, or Opus where FFmpeg lacks MP3) "
                    + "into RESULTS/audio/ and let the report play those, so the results folder plays anywhere "
                    + "without the collection (default: off; the report plays the collection's files).")
    boolean embed;
}
