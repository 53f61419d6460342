package gaan.report;

import java.nio.file.Path;

/** A PNG to show in the report, with its caption. */
public record Plot(String caption, Path file) {
}
