package gaan.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cheap stand-in for the real audio pipeline: if a crude descriptor (log band energies, their
 * spread over frames, onset rate) tells the demo's genres apart, MFCC summaries will too; and the
 * tracks of one genre must still differ from each other.
 */
class DemoSeparabilityTest {
    private static final int N_FFT = 2048;
    private static final int HOP = 1024;
    /** Band edges in Hz: sub, bass, low mids, mids, presence, brilliance. */
    private static final double[] EDGES = {20, 120, 400, 1000, 2500, 5000, 11025};

    @TempDir
    Path tmp;

    @Test
    void nearestCentroidTellsGenresApartOnThreeSecondClipsButGenresAreNotUniform() throws Exception {
        DemoCorpus.write(tmp, new DemoCorpus.Options(48, 3.0, 6, 11));
        Collection c = CollectionReader.read(tmp);
        List<String> labels = c.tracks().stream().map(Track::evaluationLabel).toList();
        List<String> genres = labels.stream().distinct().sorted().toList();
        double[][] x = new double[c.size()][];
        for (int i = 0; i < c.size(); i++) {
            x[i] = descriptor(DemoCorpusTest.pcm(c.tracks().get(i).audio()));
        }
        standardise(x);
        int[] y = labels.stream().mapToInt(genres::indexOf).toArray();

        int correct = 0;
        int[][] confusion = new int[genres.size()][genres.size()];
        for (int i = 0; i < x.length; i++) {
            int guess = nearestCentroid(x, y, genres.size(), i);
            confusion[y[i]][guess]++;
            correct += guess == y[i] ? 1 : 0;
        }
        double accuracy = (double) correct / x.length;
        String table = genres + " " + java.util.Arrays.deepToString(confusion);
        assertTrue(accuracy >= 0.75, "leave-one-out accuracy " + accuracy + " (chance 1/6): " + table);

        // Within a genre tracks vary (key, tempo, mix, groove): their spread is a real fraction
        // of the distance between genre centroids, and no two tracks are alike.
        double within = 0;
        int withinPairs = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double d = distance(x[i], x[j]);
                assertTrue(d > 0.05, c.tracks().get(i).id() + " and " + c.tracks().get(j).id() + " are alike");
                if (y[i] == y[j]) {
                    within += d;
                    withinPairs++;
                }
            }
        }
        within /= withinPairs;
        double[][] centroids = centroids(x, y, genres.size(), -1);
        double between = 0;
        int pairs = 0;
        for (int a = 0; a < centroids.length; a++) {
            for (int b = a + 1; b < centroids.length; b++) {
                between += distance(centroids[a], centroids[b]);
                pairs++;
            }
        }
        between /= pairs;
        assertTrue(within > 0.2 * between, "genres are uniform: within " + within + " vs between " + between);
    }

    /** Mean and std over frames of log energy in {@link #EDGES} bands, and spectral-flux onsets per second. */
    static double[] descriptor(short[] pcm) {
        int frames = (pcm.length - N_FFT) / HOP + 1;
        int bands = EDGES.length - 1;
        double[][] logBand = new double[frames][bands];
        double[] flux = new double[frames];
        double[] previous = new double[N_FFT / 2];
        DoubleFFT_1D fft = new DoubleFFT_1D(N_FFT);
        for (int f = 0; f < frames; f++) {
            double[] buf = new double[N_FFT];
            for (int i = 0; i < N_FFT; i++) {
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N_FFT);
                buf[i] = pcm[f * HOP + i] / 32768.0 * hann;
            }
            fft.realForward(buf);
            double[] energy = new double[bands];
            for (int k = 1; k < N_FFT / 2; k++) {
                double power = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
                double hz = k * 22050.0 / N_FFT;
                for (int b = 0; b < bands; b++) {
                    if (hz >= EDGES[b] && hz < EDGES[b + 1]) {
                        energy[b] += power;
                    }
                }
                double magnitude = Math.log1p(Math.sqrt(power));
                flux[f] += Math.max(0, magnitude - previous[k]);
                previous[k] = magnitude;
            }
            for (int b = 0; b < bands; b++) {
                logBand[f][b] = Math.log10(energy[b] + 1e-10);
            }
        }
        double[] out = new double[2 * bands + 1];
        for (int b = 0; b < bands; b++) {
            double mean = 0;
            for (double[] row : logBand) {
                mean += row[b] / frames;
            }
            double var = 0;
            for (double[] row : logBand) {
                var += (row[b] - mean) * (row[b] - mean) / frames;
            }
            out[b] = mean;
            out[bands + b] = Math.sqrt(var);
        }
        double meanFlux = 0;
        for (int f = 1; f < frames; f++) {
            meanFlux += flux[f] / (frames - 1);
        }
        int onsets = 0;
        for (int f = 2; f < frames - 1; f++) {
            if (flux[f] > 1.5 * meanFlux && flux[f] >= flux[f - 1] && flux[f] > flux[f + 1]) {
                onsets++;
            }
        }
        out[2 * bands] = onsets / (pcm.length / 22050.0);
        return out;
    }

    private static void standardise(double[][] x) {
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / x.length;
            }
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean) / x.length;
            }
            double sd = Math.sqrt(var) + 1e-12;
            for (double[] row : x) {
                row[j] = (row[j] - mean) / sd;
            }
        }
    }

    private static double[][] centroids(double[][] x, int[] y, int k, int leaveOut) {
        double[][] sum = new double[k][x[0].length];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            if (i == leaveOut) {
                continue;
            }
            count[y[i]]++;
            for (int j = 0; j < x[i].length; j++) {
                sum[y[i]][j] += x[i][j];
            }
        }
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < sum[g].length; j++) {
                sum[g][j] /= count[g];
            }
        }
        return sum;
    }

    private static int nearestCentroid(double[][] x, int[] y, int k, int i) {
        double[][] centroids = centroids(x, y, k, i);
        int best = 0;
        for (int g = 1; g < k; g++) {
            if (distance(x[i], centroids[g]) < distance(x[i], centroids[best])) {
                best = g;
            }
        }
        return best;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }
}
