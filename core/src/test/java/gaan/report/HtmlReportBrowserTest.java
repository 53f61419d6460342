package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gaan.testutil.Chromium;

/**
 * Opens the report in a real headless Chromium (Debian's {@code chromium}): every image loads,
 * clicking a header sorts the table, and the console stays free of errors. A script injected into
 * a copy of the page checks the page from inside and writes its verdict into the DOM, which
 * {@code --dump-dom} prints. Skipped only outside CI when chromium is not installed.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    private static final String SELF_TEST = """
            <script>
            var NASTY = /*nasty*/null;
            window.addEventListener('load', function () {
              var failures = [];
              var images = document.querySelectorAll('img');
              if (images.length === 0) { failures.push('no images'); }
              images.forEach(function (img) {
                if (!img.complete || img.naturalWidth === 0) { failures.push('image not loaded: ' + img.getAttribute('src')); }
              });
              function column(table, name) {
                var found = -1;
                table.querySelectorAll('thead th').forEach(function (th, i) { if (th.textContent === name) { found = i; } });
                if (found < 0) { failures.push('no column ' + name); }
                return found;
              }
              function values(table, col, numeric) {
                return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
                  var c = r.cells[col];
                  var v = numeric ? c.getAttribute('data-v') : c.textContent;
                  return v === '' ? null : (numeric ? Number(v) : v);
                });
              }
              function sorted(list, ascending, compare) {
                var seenEmpty = false;
                for (var i = 0; i < list.length; i++) {
                  if (list[i] === null) { seenEmpty = true; continue; }
                  if (seenEmpty) { return false; }
                  if (i > 0 && list[i - 1] !== null) {
                    var c = compare(list[i - 1], list[i]);
                    if (ascending ? c > 0 : c < 0) { return false; }
                  }
                }
                return true;
              }
              var tables = document.querySelectorAll('table.sortable');
              if (tables.length < 2) { failures.push('expected sortable tables, found ' + tables.length); }
              var table = tables[0];
              var numeric = function (a, b) { return a - b; };
              var text = function (a, b) { return a.localeCompare(b); };
              var sil = column(table, 'silhouette');
              var before = values(table, sil, true).join(',');
              table.querySelectorAll('thead th')[sil].click();
              var up = values(table, sil, true);
              if (!sorted(up, true, numeric)) { failures.push('silhouette not ascending: ' + up.join(',')); }
              if (up.join(',') === before) { failures.push('clicking did not reorder: ' + before); }
              table.querySelectorAll('thead th')[sil].click();
              var down = values(table, sil, true);
              if (!sorted(down, false, numeric)) { failures.push('silhouette not descending: ' + down.join(',')); }
              var rep = column(table, 'representation');
              table.querySelectorAll('thead th')[rep].click();
              var names = values(table, rep, false);
              if (!sorted(names, true, text)) { failures.push('representation not ascending: ' + names.join(',')); }
              // The map: one mark per track, a tooltip for the hovered dot, a player for the clicked one.
              var canvas = document.getElementById('map-canvas');
              if (Number(canvas.getAttribute('data-marks')) !== 6) { failures.push('map marks: ' + canvas.getAttribute('data-marks')); }
              function at(id, type) {
                var p = window.gaanMap.point(id);
                canvas.dispatchEvent(new MouseEvent(type, {clientX: p.x, clientY: p.y, bubbles: true}));
              }
              var tip = document.getElementById('map-tip');
              at('b1', 'mousemove');
              if (tip.hidden || tip.textContent.split('\\n')[0] !== 'b1') { failures.push('tooltip: ' + tip.textContent); }
              if (tip.textContent.indexOf('cluster: 1') < 0 || tip.textContent.indexOf('language: bn') < 0) {
                failures.push('tooltip fields: ' + tip.textContent);
              }
              at(NASTY, 'mousemove');
              if (tip.textContent.split('\\n')[0] !== NASTY || tip.querySelector('script')) { failures.push('nasty tooltip'); }
              canvas.dispatchEvent(new MouseEvent('mouseleave', {}));
              if (!tip.hidden) { failures.push('tooltip stays after leaving'); }
              at('a1', 'click');
              var audio = document.getElementById('map-audio');
              if (!/collection\\/audio%20files\\/track0\\.mp3$/.test(audio.src)) { failures.push('audio src: ' + audio.src); }
              var legend = document.querySelectorAll('#map-legend li');
              if (legend.length !== 2) { failures.push('legend entries: ' + legend.length); }
              legend[0].click();
              if (canvas.getAttribute('data-marks') !== '3') { failures.push('hiding a cluster: ' + canvas.getAttribute('data-marks')); }
              legend[0].click();
              legend[1].dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));
              if (canvas.getAttribute('data-marks') !== '3' || !legend[0].classList.contains('off')) {
                failures.push('isolating a cluster: ' + canvas.getAttribute('data-marks'));
              }
              var select = document.getElementById('map-colour');
              select.value = 'language';
              select.dispatchEvent(new Event('change'));
              if (document.querySelectorAll('#map-legend li').length !== 4 || canvas.getAttribute('data-marks') !== '6') {
                failures.push('colour by language: ' + document.getElementById('map-legend').textContent);
              }
              // "show all rows" reveals the rows after the selected ones.
              var shown = function (t) {
                return Array.prototype.filter.call(t.tBodies[0].rows, function (r) { return r.offsetParent !== null; }).length;
              };
              var button = document.querySelector('button.show-all');
              var collapsed = button.previousElementSibling.querySelector('table');
              var all = collapsed.tBodies[0].rows.length;
              if (shown(collapsed) >= all) { failures.push('collapsed table shows all ' + all + ' rows'); }
              button.click();
              if (shown(collapsed) !== all) { failures.push('show all: ' + shown(collapsed) + ' of ' + all); }
              var out = document.createElement('div');
              out.id = 'selftest';
              out.textContent = failures.length === 0 ? 'ok ' + images.length + ' images'
                  : 'FAIL ' + failures.join(' | ');
              document.body.appendChild(out);
              var src = document.createElement('div');
              src.id = 'audio-src';
              src.textContent = audio.src;
              document.body.appendChild(src);
            });
            </script>
            """;

    @Test
    void reportLoadsCleanlySortsMapsTracksAndShowsAllRows() throws IOException, InterruptedException {
        Chromium chromium = Chromium.require(dir);

        Path report = HtmlReport.write(ReportFixture.build(dir), dir.resolve("results/report.html"));
        String html = Files.readString(report);
        Path page = report.resolveSibling("selftest.html");
        String nasty = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ReportFixture.NASTY_ID)
                .replace("<", "\\u003c");
        Files.writeString(page, html.replace("</body>", SELF_TEST.replace("/*nasty*/null", nasty) + "</body>"),
                StandardCharsets.UTF_8);

        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process p = chromium.run(stdout, stderr, "--dump-dom", page.toUri().toString());
        String dom = Files.readString(stdout);
        String log = Files.readString(stderr);
        Matcher verdict = Pattern.compile("<div id=\"selftest\">([^<]*)</div>").matcher(dom);
        assertTrue(verdict.find(), "the self-test did not run; chromium exit " + p.exitValue() + ", stderr:\n" + log);
        assertEquals("ok 6 images", verdict.group(1));
        List<String> console = log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), console, "console messages");
        Matcher src = Pattern.compile("<div id=\"audio-src\">([^<]*)</div>").matcher(dom);
        assertTrue(src.find());
        assertTrue(Files.isRegularFile(Path.of(URI.create(src.group(1)))), "the clicked track's audio: " + src.group(1));

        // Screenshots for a person to look at: the first screen, and the map alone.
        Files.createDirectories(SCREENSHOTS);
        screenshot(chromium, report, SCREENSHOTS.resolve("first-screen.png"), "1400,900");
        Path mapOnly = report.resolveSibling("map-only.html");
        Files.writeString(mapOnly, html.replace("</head>", "<style>body>*:not(#overview){display:none}"
                + "#overview>.answer{display:none}#overview{display:block}</style></head>"), StandardCharsets.UTF_8);
        screenshot(chromium, mapOnly, SCREENSHOTS.resolve("map.png"), "1000,560");
    }

    /** Where the screenshots go: the build's output folder, kept after the test. */
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private void screenshot(Chromium chromium, Path page, Path png, String size) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        Process p = chromium.run(dir.resolve("shot.out"), dir.resolve("shot.err"), "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + size, "--hide-scrollbars", page.toUri().toString());
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("shot.err")));
        assertTrue(Files.size(png) > 10_000, "screenshot " + png + " is " + Files.size(png) + " bytes");
    }
}
