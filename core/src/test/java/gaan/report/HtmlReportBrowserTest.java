package gaan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
              var out = document.createElement('div');
              out.id = 'selftest';
              out.textContent = failures.length === 0 ? 'ok ' + images.length + ' images'
                  : 'FAIL ' + failures.join(' | ');
              document.body.appendChild(out);
            });
            </script>
            """;

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    @Test
    void reportLoadsWithoutConsoleErrorsShowsEveryImageAndSorts() throws IOException, InterruptedException {
        Path chromium = chromium();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(chromium != null || ci, "chromium not installed (apt-get install chromium); runs in CI");
        assertTrue(chromium != null, "CI must have chromium: .ci/run installs Debian's chromium package");

        Path report = HtmlReport.write(ReportFixture.build(dir), dir.resolve("results/report.html"));
        String html = Files.readString(report);
        Path page = report.resolveSibling("selftest.html");
        Files.writeString(page, html.replace("</body>", SELF_TEST + "</body>"), StandardCharsets.UTF_8);

        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish within 90 s; stderr:\n" + Files.readString(stderr));
        }
        String dom = Files.readString(stdout);
        String log = Files.readString(stderr);
        Matcher verdict = Pattern.compile("<div id=\"selftest\">([^<]*)</div>").matcher(dom);
        assertTrue(verdict.find(), "the self-test did not run; chromium exit " + p.exitValue() + ", stderr:\n" + log);
        assertEquals("ok 6 images", verdict.group(1));
        List<String> console = log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), console, "console messages");
    }
}
