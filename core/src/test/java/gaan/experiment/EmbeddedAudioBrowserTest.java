package gaan.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.config.RunRequest;
import gaan.data.DemoCorpus;
import gaan.testutil.Chromium;

/**
 * A report written with {@code --embed-audio-excerpts} plays in a real browser after its results
 * folder has moved and the collection is gone: every player and the map's player load their
 * excerpt (the browser reads its duration).
 */
class EmbeddedAudioBrowserTest {
    @TempDir
    Path dir;

    private static final String SELF_TEST = """
            <script>
            window.addEventListener('load', function () {
              var players = Array.prototype.slice.call(document.querySelectorAll('audio[src]'));
              var canvas = document.getElementById('map-canvas');
              var results = [];
              if (canvas) {
                var ids = JSON.parse(document.getElementById('map-data').textContent).id;
                var p = window.gaanMap.point(ids[0]);
                canvas.dispatchEvent(new MouseEvent('click', {clientX: p.x, clientY: p.y, bubbles: true}));
                players.push(document.getElementById('map-audio'));
              } else {
                results.push('no map');
              }
              var pending = players.length;
              function done() {
                if (--pending === 0) {
                  document.title = 'verdict:' + results.join('|');
                }
              }
              players.forEach(function (a) {
                a.preload = 'auto';
                a.addEventListener('loadedmetadata', function () {
                  results.push('ok ' + a.duration.toFixed(1) + ' ' + a.getAttribute('src')); done();
                }, {once: true});
                a.addEventListener('error', function () { results.push('error ' + a.getAttribute('src')); done(); }, {once: true});
                a.load();
              });
            });
            </script>
            """;

    @Test
    void excerptsPlayAfterTheResultsFolderMovesAndTheCollectionIsGone() throws Exception {
        Chromium chromium = Chromium.require(dir);
        Path collection = dir.resolve("demo");
        DemoCorpus.write(collection, new DemoCorpus.Options(8, 1.0, 2, 3));
        Path out = dir.resolve("results");
        ExperimentRunner.run(new RunRequest(List.of(OwnFilesTest.easy("easy")), collection, out, null, List.of(), true),
                Progress.QUIET);
        Path moved = dir.resolve("elsewhere/results");
        Files.createDirectories(moved.getParent());
        Files.move(out, moved);
        try (Stream<Path> s = Files.walk(collection)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        Path page = moved.resolve("selftest.html");
        Files.writeString(page, Files.readString(moved.resolve("report.html")).replace("</body>", SELF_TEST + "</body>"),
                StandardCharsets.UTF_8);
        String verdict = chromium.awaitTitle(page, "verdict:", dir.resolve("chromium.err"),
                "--autoplay-policy=no-user-gesture-required");
        List<String> players = List.of(verdict.split("\\|"));
        assertEquals(8 + 1, players.size(), "one player per track and the map's: " + players);
        for (String p : players) {
            assertTrue(p.matches("ok 1\\.\\d audio/track_00\\d\\.mp3") || p.matches("ok 0\\.9 audio/track_00\\d\\.mp3"),
                    "an excerpt of about 1 s from inside the moved folder: " + p);
        }
    }
}
