package gaan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import gaan.audio.AudioAnalyzer;
import gaan.audio.AudioDecoder;
import gaan.audio.AudioFeatureParams;
import gaan.audio.DescriptorAnalyzer;
import gaan.audio.MelFilterbank;
import gaan.audio.Mfcc;
import gaan.audio.PowerToDb;
import gaan.audio.Spectrogram;
import gaan.data.CollectionReader;
import gaan.features.ExtractionListener;
import gaan.features.FeatureExtractor;
import gaan.testutil.FfmpegTool;
import gaan.testutil.Wav;

/**
 * {@code bench/run.sh features}: audio feature extraction speed on 50 synthetic 30 s 22050 Hz
 * mono WAVs, one 30 s MP3 (encoded here with the bundled FFmpeg's libmp3lame) and one 30 s
 * 44.1 kHz stereo WAV. Stage times are medians over the files on one thread; "total" is decode +
 * the whole analysis (which fuses the STFT and mel stages frame by frame). Each time is given as
 * wall-clock ({@code ms_per_file}) and as the thread's CPU time ({@code cpu_ms_per_file}), which
 * stays meaningful on a loaded machine. Throughput (files/s with 1 thread and with all cores) is
 * the median of {@value #REPEATS} rounds over warm thread pools; check the scaling on an idle
 * machine ({@code uptime} load below 1.5).
 */
public final class FeaturesBench {
    private static final int FILES = 50;
    private static final double SECONDS = 30;
    private static final int RATE = 22050;
    /** Timed rounds per throughput figure (median reported), after the warm-up rounds. */
    private static final int REPEATS = 5;
    private static final int WARMUP_ROUNDS = 2;
    private static final int EXTRACTOR_WARMUP_RUNS = 6;
    /** Warm-up runs of the MP3 and the resampled WAV, then timed runs (median reported). */
    private static final int OTHER_FORMAT_WARMUP_RUNS = 20;
    private static final int OTHER_FORMAT_RUNS = 11;
    /** Passes over the files per throughput round: 100 files, about half a second on one thread. */
    private static final int ROUND_PASSES = 2;

    private FeaturesBench() {
    }

    /** {@code [--librosa PYTHON]}: also time librosa's descriptors on the first WAV with that interpreter. */
    public static void main(String[] args) throws Exception {
        String python = args.length == 2 && args[0].equals("--librosa") ? args[1] : null;
        if (args.length > 0 && python == null) {
            throw new IllegalArgumentException("usage: bench/run.sh features [--librosa PYTHON]");
        }
        Path tmp = Files.createTempDirectory("gaan-features-bench");
        try {
            run(tmp, python);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path tmp, String python) throws Exception {
        System.err.println("writing " + FILES + " x " + SECONDS + " s WAVs to " + tmp);
        List<Path> wavs = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            wavs.add(Wav.write(tmp.resolve("audio/track" + i + ".wav"), Wav.tone(SECONDS, RATE, 80 + 17 * i, i), RATE, 1));
        }
        Path stereo = Wav.write(tmp.resolve("stereo44100.wav"), stereo(Wav.tone(SECONDS, 44100, 330, 7)), 44100, 2);
        Path mp3 = FfmpegTool.convert(wavs.get(0), tmp.resolve("track0.mp3"), "-codec:a", "libmp3lame", "-b:a", "192k");

        AudioFeatureParams params = AudioFeatureParams.DEFAULTS;
        AudioDecoder decoder = new AudioDecoder();
        AudioAnalyzer analyzer = new AudioAnalyzer(params);
        StageTimer stages = new StageTimer(params);

        System.err.println("warming up");
        // About a second: every stage's loops reach their C2-compiled form.
        for (int i = 0; i < 2; i++) {
            for (Path w : wavs) {
                analyzer.analyze(decoder.decode(w));
                stages.time(decoder, w, new Stages(1), new Stages(1), 0);
            }
        }

        System.err.println("timing stages on one thread");
        int n = wavs.size();
        Stages wall = new Stages(n);
        Stages cpu = new Stages(n);
        for (int i = 0; i < n; i++) {
            stages.time(decoder, wavs.get(i), wall, cpu, i);
            Clock c = new Clock();
            analyzer.analyze(decoder.decode(wavs.get(i)));
            c.lap(wall.total, cpu.total, i);
        }

        // librosa in the same sitting, on the same file, one thread (bench/librosa_descriptors.py).
        Map<String, Object> librosa = python == null ? null : librosaDescriptors(python, wavs.get(0));

        int cores = Runtime.getRuntime().availableProcessors();
        Throughput oneThread = throughput(wavs, params, 1);
        Throughput allThreads = throughput(wavs, params, cores);

        // FFmpeg's decode loop and the resampler path are other code than the WAV path: warmed up
        // apart, as the WAV stages were, before their medians.
        for (int i = 0; i < OTHER_FORMAT_WARMUP_RUNS; i++) {
            timeFile(decoder, analyzer, mp3, false);
            timeFile(decoder, analyzer, stereo, false);
        }
        double mp3Ms = Bench.median(OTHER_FORMAT_RUNS, () -> timeFile(decoder, analyzer, mp3, false));
        double resampledMs = Bench.median(OTHER_FORMAT_RUNS, () -> timeFile(decoder, analyzer, stereo, false));
        double mp3CpuMs = Bench.median(OTHER_FORMAT_RUNS, () -> timeFile(decoder, analyzer, mp3, true));
        double resampledCpuMs = Bench.median(OTHER_FORMAT_RUNS, () -> timeFile(decoder, analyzer, stereo, true));

        // The whole extractor (hashing, cache, store assembly, a fresh pool per run, as `gaan features`
        // runs it): warm-up runs, then the median of timed runs, each into a fresh store; then a
        // re-run over a finished store (everything cached).
        Throughput extractorOneThread = extractorThroughput(tmp, params, 1, n);
        Throughput extractorAllThreads = extractorThroughput(tmp, params, cores, n);
        FeatureExtractor extractor = new FeatureExtractor(params, cores);
        long t0 = System.nanoTime();
        extractor.extract(CollectionReader.read(tmp), tmp.resolve("store-" + cores + "threads-0"), ExtractionListener.NONE);
        double cachedRerunMs = ms(t0);

        Bench.create()
                .put("files", n)
                .put("seconds_per_file", SECONDS)
                .put("ms_per_file", wall.medians())
                .put("cpu_ms_per_file", cpu.medians())
                .put("files_per_s_1thread", oneThread.filesPerSecond())
                .put("files_per_s_all_threads", allThreads.filesPerSecond())
                .put("threads", cores)
                .put("scaling", allThreads.filesPerSecond() / oneThread.filesPerSecond())
                .put("throughput_cpu_ms_per_file", Map.of("1thread", oneThread.cpuMsPerFile(),
                        "all_threads", allThreads.cpuMsPerFile()))
                .put("throughput_on_cpu_fraction", Map.of("1thread", oneThread.onCpuFraction(1),
                        "all_threads", allThreads.onCpuFraction(cores)))
                .put("mp3_ms_per_file", mp3Ms)
                .put("resampled_ms_per_file", resampledMs)
                .put("mp3_cpu_ms_per_file", mp3CpuMs)
                .put("resampled_cpu_ms_per_file", resampledCpuMs)
                .put("extractor_files_per_s_1thread", extractorOneThread.filesPerSecond())
                .put("extractor_files_per_s_all_threads", extractorAllThreads.filesPerSecond())
                .put("extractor_scaling", extractorAllThreads.filesPerSecond() / extractorOneThread.filesPerSecond())
                .put("extractor_process_cpu_ms_per_file", Map.of("1thread", extractorOneThread.cpuMsPerFile(),
                        "all_threads", extractorAllThreads.cpuMsPerFile()))
                .put("extractor_on_cpu_fraction", Map.of("1thread", extractorOneThread.onCpuFraction(1),
                        "all_threads", extractorAllThreads.onCpuFraction(cores)))
                .put("extractor_cached_rerun_ms", cachedRerunMs)
                .put("librosa_ms_per_file", 17.4)
                .put("descriptors_over_mfcc_only_total_cpu", Bench.median(cpu.total) / cpu.mfccOnlyTotal())
                .put("descriptors_librosa", librosa == null ? "not run: bench/run.sh features --librosa PYTHON" : librosa)
                .put("descriptors_over_librosa_cpu", librosa == null ? Double.NaN
                        : Bench.median(cpu.descriptors) / (Double) librosa.get("descriptors_cpu_ms"))
                .put("peak_rss_mb", Bench.peakRssMb())
                .print();
    }

    /** Runs bench/librosa_descriptors.py on {@code wav}; its figures as a map. */
    private static Map<String, Object> librosaDescriptors(String python, Path wav) throws Exception {
        Path script = Path.of("..", "bench", "librosa_descriptors.py").toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no " + script + "; run the bench from the repository (bench/run.sh)");
        }
        System.err.println("timing librosa's descriptors with " + python);
        Process p = new ProcessBuilder(python, script.toString(), wav.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(python + " " + script + " failed (exit " + p.exitValue()
                    + "); it needs librosa 0.11 importable by that interpreter");
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("librosa", json.get("librosa").asText());
        for (String key : new String[] {"descriptors_cpu_ms", "descriptors_wall_ms", "with_stft_cpu_ms"}) {
            m.put(key, json.get(key).asDouble());
        }
        Map<String, Object> perCall = new LinkedHashMap<>();
        json.get("per_call_cpu_ms").fields().forEachRemaining(e -> perCall.put(e.getKey(), e.getValue().asDouble()));
        m.put("per_call_cpu_ms", perCall);
        return m;
    }

    private static double timeFile(AudioDecoder decoder, AudioAnalyzer analyzer, Path file, boolean cpuTime) {
        Clock c = new Clock();
        analyzer.analyze(decoder.decode(file));
        return cpuTime ? c.cpuMs() : c.wallMs();
    }

    /**
     * Times each stage of one file. In a method of its own, so that the stages' code is compiled
     * on its own rather than inlined into {@code run}'s on-stack-replaced loop, which ran the STFT
     * at half speed.
     */
    private static final class StageTimer {
        private final AudioFeatureParams params;
        private final Spectrogram stft;
        private final MelFilterbank mel;
        private final Mfcc mfcc;
        private final float[][] block;
        private final DescriptorAnalyzer descriptors;

        StageTimer(AudioFeatureParams params) {
            this.params = params;
            this.stft = new Spectrogram(params.nFft(), params.hopLength());
            this.mel = new MelFilterbank(params.sampleRate(), params.nFft(), params.nMels(), params.fmin(), params.fmax());
            this.mfcc = new Mfcc(params.nMfcc(), params.nMels());
            this.block = stft.newBlock();
            this.descriptors = new DescriptorAnalyzer(params, stft.bins(), Spectrogram.BLOCK);
        }

        /** Decode, STFT, mel, MFCC and descriptor times of {@code file} into slot {@code i}. */
        void time(AudioDecoder decoder, Path file, Stages wall, Stages cpu, int i) {
            Clock c = new Clock();
            float[] y = decoder.decode(file);
            c.lap(wall.decode, cpu.decode, i);
            // The STFT, mel and spectral-descriptor stages alternate block by block, as in
            // AudioAnalyzer, each timed.
            int frames = stft.frames(y.length);
            float[][] melMatrix = new float[params.nMels()][frames];
            Clock stftClock = new Clock();
            Clock melClock = new Clock();
            Clock descriptorClock = new Clock();
            double[] stftMs = new double[2];
            double[] melMs = new double[2];
            double[] descriptorMs = new double[2];
            descriptors.start(frames);
            for (int t0 = 0; t0 < frames; t0 += Spectrogram.BLOCK) {
                int count = Math.min(Spectrogram.BLOCK, frames - t0);
                stftClock.restart();
                stft.powerBlock(y, t0, block);
                stftClock.addTo(stftMs);
                melClock.restart();
                mel.applyBlock(block, count, melMatrix, t0);
                melClock.addTo(melMs);
                descriptorClock.restart();
                descriptors.block(block, count, t0);
                descriptorClock.addTo(descriptorMs);
            }
            wall.stft[i] = stftMs[0];
            cpu.stft[i] = stftMs[1];
            wall.mel[i] = melMs[0];
            cpu.mel[i] = melMs[1];
            c.restart();
            float[][] melDb = PowerToDb.apply(melMatrix, params.amin(), params.topDb());
            float[][] mfccs = mfcc.apply(melDb);
            Mfcc.summary(mfccs);
            c.lap(wall.mfcc, cpu.mfcc, i);
            descriptors.summary(params, melDb, mfccs, frames, descriptors.finish(y, melDb, mfccs, frames));
            descriptorMs[0] += c.wallMs();
            descriptorMs[1] += c.cpuMs();
            wall.descriptors[i] = descriptorMs[0];
            cpu.descriptors[i] = descriptorMs[1];
        }
    }

    /** Wall-clock and this thread's CPU time since the last restart, in ms. */
    private static final class Clock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long wall;
        private long cpu;

        Clock() {
            restart();
        }

        void restart() {
            wall = System.nanoTime();
            cpu = THREADS.getCurrentThreadCpuTime();
        }

        double wallMs() {
            return (System.nanoTime() - wall) / 1e6;
        }

        double cpuMs() {
            return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        }

        /** Adds the wall-clock and CPU ms since the last restart to {@code sums[0]} and {@code sums[1]}. */
        void addTo(double[] sums) {
            sums[0] += wallMs();
            sums[1] += cpuMs();
        }

        /** Records both times of the stage that just ended into slot i, and restarts. */
        void lap(double[] wallOut, double[] cpuOut, int i) {
            wallOut[i] = wallMs();
            cpuOut[i] = cpuMs();
            restart();
        }
    }

    /** Per-file times of each stage. */
    private static final class Stages {
        final double[] decode;
        final double[] stft;
        final double[] mel;
        final double[] mfcc;
        /** The spectral descriptors' block work plus the rest of the descriptors and their summary. */
        final double[] descriptors;
        final double[] total;

        Stages(int n) {
            decode = new double[n];
            stft = new double[n];
            mel = new double[n];
            mfcc = new double[n];
            descriptors = new double[n];
            total = new double[n];
        }

        Map<String, Object> medians() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decode", Bench.median(decode));
            m.put("stft", Bench.median(stft));
            m.put("mel", Bench.median(mel));
            m.put("mfcc", Bench.median(mfcc));
            m.put("descriptors", Bench.median(descriptors));
            m.put("mfcc_only_total", mfccOnlyTotal());
            m.put("total", Bench.median(total));
            return m;
        }

        /** Median of decode + STFT + mel + MFCC: the analysis as it was before the descriptors. */
        double mfccOnlyTotal() {
            double[] mfccOnly = new double[total.length];
            for (int i = 0; i < mfccOnly.length; i++) {
                mfccOnly[i] = decode[i] + stft[i] + mel[i] + mfcc[i];
            }
            return Bench.median(mfccOnly);
        }
    }

    /**
     * Files per second (median of the timed rounds) and CPU ms per file, summed over the worker
     * threads (median of the rounds' means), of decode + analyse on a pool of {@code threads}
     * threads, each with its own analyzer. The pool and analyzers live across rounds and the first
     * rounds are warm-up, so the rate excludes thread start-up, analyzer set-up and JIT compilation.
     * If CPU ms per file grows with the thread count, the threads slow each other down (memory,
     * caches); if only the wall-clock rate falls short, they wait (locks, or a busy machine).
     */
    private static Throughput throughput(List<Path> files, AudioFeatureParams params, int threads) throws Exception {
        AudioDecoder decoder = new AudioDecoder();
        ThreadLocal<AudioAnalyzer> analyzers = ThreadLocal.withInitial(() -> new AudioAnalyzer(params));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int perRound = ROUND_PASSES * files.size();
        double[] rates = new double[REPEATS];
        double[] cpu = new double[REPEATS];
        try {
            for (int r = -WARMUP_ROUNDS; r < REPEATS; r++) {
                long t0 = System.nanoTime();
                List<Future<Double>> futures = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    Path f = files.get(i % files.size());
                    futures.add(pool.submit(() -> {
                        Clock c = new Clock();
                        analyzers.get().analyze(decoder.decode(f));
                        return c.cpuMs();
                    }));
                }
                double cpuSum = 0;
                for (Future<Double> f : futures) {
                    cpuSum += f.get();
                }
                if (r >= 0) {
                    rates[r] = perRound / (ms(t0) / 1000);
                    cpu[r] = cpuSum / perRound;
                }
            }
            return new Throughput(Bench.median(rates), Bench.median(cpu));
        } finally {
            pool.shutdown();
        }
    }

    private record Throughput(double filesPerSecond, double cpuMsPerFile) {
        /**
         * The share of the workers' wall-clock time they spent on a CPU: below 1 they waited, on a
         * lock or for a core another process held, and the scaling figure says nothing.
         */
        double onCpuFraction(int threads) {
            return filesPerSecond * cpuMsPerFile / 1000 / threads;
        }
    }

    /**
     * Median files/s of {@value #REPEATS} extractions into fresh stores, after
     * {@value #EXTRACTOR_WARMUP_RUNS} warm-up extractions, and the median share of the run's
     * {@code threads} cores the whole process used (its CPU time, GC and JIT included, over
     * wall-clock × threads): well below 1 on an otherwise idle machine would mean the workers wait
     * on something.
     */
    private static Throughput extractorThroughput(Path root, AudioFeatureParams params, int threads, int n) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FeatureExtractor extractor = new FeatureExtractor(params, threads);
        String name = "store-" + threads + "threads-";
        // Several runs: besides the analysis, an extraction runs much code (hashing, CSV, file
        // handling) only once per track, which C2 keeps compiling, on a worker's core, for a while.
        for (int w = 0; w < EXTRACTOR_WARMUP_RUNS; w++) {
            extractor.extract(CollectionReader.read(root), root.resolve(name + "warmup" + w), ExtractionListener.NONE);
        }
        double[] rates = new double[REPEATS];
        double[] cpu = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            extractor.extract(CollectionReader.read(root), root.resolve(name + r), ExtractionListener.NONE);
            rates[r] = n / (ms(t0) / 1000);
            cpu[r] = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
        }
        return new Throughput(Bench.median(rates), Bench.median(cpu));
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static float[] stereo(float[] mono) {
        float[] out = new float[2 * mono.length];
        for (int i = 0; i < mono.length; i++) {
            out[2 * i] = mono[i];
            out[2 * i + 1] = 0.5f * mono[mono.length - 1 - i];
        }
        return out;
    }
}
