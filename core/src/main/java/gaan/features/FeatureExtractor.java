package gaan.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import gaan.audio.AudioAnalyzer;
import gaan.audio.AudioDecodeException;
import gaan.audio.AudioDecoder;
import gaan.audio.AudioFeatureParams;
import gaan.audio.AudioFeatures;
import gaan.audio.DecodedAudio;
import gaan.audio.DescriptorSummary;
import gaan.audio.TimbreFrames;
import gaan.data.Collection;
import gaan.data.Npy;
import gaan.data.Track;

/**
 * Extracts the audio features of every track of a collection into a {@link FeatureStore}, on
 * {@code threads} threads.
 *
 * <p>Each track's result goes to the store's per-track cache as soon as it is computed, keyed by
 * the SHA-1 of the file's bytes and {@link AudioFeatureParams#cacheKey()}; then the store's
 * {@code .npy} files are assembled from the cache in row order, streaming. So memory is bounded
 * by the thread count, the store's bytes do not depend on the thread count, a re-run computes
 * only tracks whose content or parameters changed, and a run killed at any point resumes where it
 * stopped. A file is hashed again unless its size and modification time match the previous
 * run's {@code tracks.csv} and its status-change time (ctime, which every write moves and no tool
 * sets back) is older than that {@code tracks.csv}; so a rewrite that keeps size and mtime is
 * still seen. Where the file system has no ctime, every file is hashed.
 *
 * <p>A track that cannot be decoded, or is shorter than {@link TrackLimits#minSeconds()}, or
 * whose file is larger than {@link TrackLimits#maxAudioBytes()}, is skipped with its reason (in
 * {@code tracks.csv} and the summary); it never stops the run. A truncated file (its audio ends
 * before the length its header declares) is used when long enough, flagged {@code truncated} with
 * both lengths in {@code tracks.csv} and the summary.
 */
public final class FeatureExtractor {
    private final AudioFeatureParams params;
    private final TrackLimits limits;
    private final int threads;
    private final Decoding decoding;

    /** Decodes one file as {@link AudioDecoder#load} does. */
    interface Decoding {
        DecodedAudio load(Path file, double offsetSeconds, double durationSeconds);
    }

    /** An extractor that takes every decodable track ({@link TrackLimits#NONE}). */
    public FeatureExtractor(AudioFeatureParams params, int threads) {
        this(params, TrackLimits.NONE, threads);
    }

    public FeatureExtractor(AudioFeatureParams params, TrackLimits limits, int threads) {
        this(params, limits, threads, new AudioDecoder(params.sampleRate())::load);
    }

    /** With another decoding: tests make one fail as no small file can (out of memory). */
    FeatureExtractor(AudioFeatureParams params, TrackLimits limits, int threads, Decoding decoding) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.params = params;
        this.limits = limits;
        this.threads = threads;
        this.decoding = decoding;
    }

    /** One track's identity and outcome, as it will appear in {@code tracks.csv}. */
    private record Done(TrackRow row, String cacheKey, TrackOutcome outcome) {
    }

    public ExtractionSummary extract(Collection collection, Path storeDir, ExtractionListener listener) {
        FeatureStore store = FeatureStore.at(storeDir);
        TrackCache cache = new TrackCache(store.dir());
        Map<String, TrackRow> previous = previousRows(store);
        long indexed = indexTime(store);
        List<Track> tracks = collection.tracks();
        listener.started(tracks.size());
        ThreadLocal<AudioAnalyzer> analyzers = ThreadLocal.withInitial(() -> new AudioAnalyzer(params));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gaan-features");
            t.setDaemon(true);
            return t;
        });
        List<Done> done = new ArrayList<>(tracks.size());
        try {
            List<Future<Done>> futures = new ArrayList<>(tracks.size());
            for (int i = 0; i < tracks.size(); i++) {
                int row = i;
                Track track = tracks.get(i);
                futures.add(pool.submit(() -> {
                    Done d = process(row, track, collection.root(), previous.get(track.id()), indexed, cache,
                            analyzers.get());
                    listener.trackDone(d.outcome());
                    return d;
                }));
            }
            for (Future<Done> f : futures) {
                done.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("feature extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        boolean began = store.beginRewrite();
        assemble(store, cache, done);
        if (began) {
            store.endRewrite();
        }
        List<TrackOutcome> skipped = done.stream().map(Done::outcome).filter(o -> !o.ok()).toList();
        List<TrackOutcome> truncated = done.stream().map(Done::outcome).filter(o -> o.ok() && o.truncated()).toList();
        int cached = (int) done.stream().map(Done::outcome).filter(o -> o.ok() && o.fromCache()).count();
        int extracted = (int) done.stream().map(Done::outcome).filter(o -> o.ok() && !o.fromCache()).count();
        return new ExtractionSummary(store.dir(), tracks.size(), extracted, cached, skipped, truncated);
    }

    private static Map<String, TrackRow> previousRows(FeatureStore store) {
        Map<String, TrackRow> out = new HashMap<>();
        if (Files.isRegularFile(store.dir().resolve(FeatureStore.TRACKS_CSV))) {
            try {
                for (TrackRow r : store.tracks()) {
                    out.put(r.id(), r);
                }
            } catch (FeatureStoreException e) {
                // An unreadable previous index only costs re-hashing the files.
                return Map.of();
            }
        }
        return out;
    }

    /** When the previous tracks.csv was written (ns since the epoch), or {@code Long.MIN_VALUE} when there is none. */
    private static long indexTime(FeatureStore store) {
        try {
            return Files.getLastModifiedTime(store.dir().resolve(FeatureStore.TRACKS_CSV)).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The file's status-change time (ns), or {@code Long.MAX_VALUE} where the file system keeps none. */
    private static long changeTime(Path file) throws IOException {
        try {
            return ((java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
    }

    private Done process(int row, Track track, Path root, TrackRow before, long indexed, TrackCache cache,
                         AudioAnalyzer analyzer) {
        Path file = track.audio();
        String audio = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
        long size;
        long mtime;
        String sha1;
        try {
            String refused = !Files.exists(file) ? null
                    : !Files.isRegularFile(file) ? "not a regular file"
                    : limits.tooLarge(Files.size(file));
            if (refused != null) {
                return unread(row, track, audio, refused);
            }
            size = Files.size(file);
            mtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            boolean unchanged = before != null && before.audio().equals(audio) && before.size() == size
                    && before.mtimeNanos() == mtime && !before.sha1().isEmpty() && changeTime(file) < indexed;
            sha1 = unchanged ? before.sha1() : sha1(file);
        } catch (IOException | UncheckedIOException e) {
            return unread(row, track, audio,
                    Files.exists(file) ? "cannot read the audio file: " + e.getMessage() : "no such file");
        }
        String key = contentKey(sha1, params);
        boolean fromCache = cache.has(key);
        TrackCache.Header h = fromCache ? cachedHeader(cache, key) : null;
        if (h == null) {
            fromCache = false;
            h = compute(file, key, cache, analyzer);
        }
        // The length rule is applied here, not cached: the cached result serves any minimum.
        TrackLimits.Verdict verdict = h.ok() ? limits.judge(h.durationSeconds(), h.truncation()) : null;
        boolean ok = verdict != null && verdict.used();
        String reason = verdict != null ? verdict.reason() : h.reason();
        boolean truncated = h.truncation() != null;
        TrackRow r = new TrackRow(row, track.id(), audio, size, mtime, sha1, params.cacheKey(),
                ok ? TrackRow.OK : TrackRow.SKIPPED, reason, ok ? h.durationSeconds() : 0, ok && h.padded(), truncated);
        return new Done(r, cache.has(key) ? key : null,
                new TrackOutcome(row, track.id(), ok, fromCache, reason, truncated));
    }

    /**
     * The features of a decoded file (what a truncated one holds), as every extraction computes
     * them: a file with NaN or infinite samples is refused, its features would be meaningless.
     * Whether the track is then used is {@link TrackLimits#judge}'s decision.
     *
     * @throws AudioDecodeException naming the file when a sample is not finite
     */
    public static AudioFeatures analyse(Path file, DecodedAudio audio, AudioAnalyzer analyzer) {
        float[] samples = audio.samples();
        int bad = nonFinite(samples);
        if (bad > 0) {
            throw new AudioDecodeException(file, bad + " of " + samples.length
                    + " samples are NaN or infinite (a broken float file); its features would be meaningless");
        }
        return analyzer.analyze(samples);
    }

    private static int nonFinite(float[] samples) {
        int bad = 0;
        for (float v : samples) {
            bad += Float.isFinite(v) ? 0 : 1;
        }
        return bad;
    }

    /** A track whose file was not read, with the reason. */
    private Done unread(int row, Track track, String audio, String reason) {
        TrackRow r = new TrackRow(row, track.id(), audio, -1, -1, "", params.cacheKey(), TrackRow.SKIPPED, reason, 0,
                false, false);
        return new Done(r, null, new TrackOutcome(row, track.id(), false, false, reason, false));
    }

    /** The cached header, or null when the cache file is unreadable (it is then recomputed). */
    private static TrackCache.Header cachedHeader(TrackCache cache, String key) {
        try {
            return cache.header(key);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private TrackCache.Header compute(Path file, String key, TrackCache cache, AudioAnalyzer analyzer) {
        try {
            DecodedAudio audio = decoding.load(file, params.offsetSeconds(), params.durationSeconds());
            AudioFeatures f = analyse(file, audio, analyzer);
            cache.putOk(key, f, audio.truncation());
            return new TrackCache.Header(true, f.durationSeconds(), f.padded(), "", audio.truncation());
        } catch (AudioDecodeException e) {
            cache.putSkipped(key, e.reason());
            return new TrackCache.Header(false, 0, false, e.reason(), null);
        } catch (RuntimeException e) {
            // Not the file's fault: skip it now but leave it uncached, to retry next run.
            return new TrackCache.Header(false, 0, false, "analysis failed: " + e, null);
        } catch (OutOfMemoryError e) {
            // One huge file must not end the run; the others' buffers are freed with this one's.
            return new TrackCache.Header(false, 0, false, "out of memory decoding this file (raise -Xmx through"
                    + " GAAN_JAVA_OPTS, or shorten it with features.duration)", null);
        }
    }

    /**
     * Writes the store's matrices from the cache in row order (zeros for a skipped track, whose
     * cached result may still be whole: one too short for the minimum), then tracks.csv, then
     * drops stale results.
     */
    private void assemble(FeatureStore store, TrackCache cache, List<Done> done) {
        int n = done.size();
        int summary = params.summaryLength();
        int patchValues = params.patchesPerTrack() * params.nMels() * params.patchFrames();
        byte[] mfccHeader = Npy.header("<f4", n, summary);
        byte[] patchHeader = params.patchesPerTrack() == 1
                ? Npy.header("<f4", n, params.nMels(), params.patchFrames())
                : Npy.header("<f4", n, params.patchesPerTrack(), params.nMels(), params.patchFrames());
        Npy.writeAtomically(store.file(FeatureStore.MFCC_SUMMARY), mfccHeader, out -> {
            for (Done d : done) {
                if (d.cacheKey() == null || !d.outcome().ok()) {
                    out.write(new byte[4 * summary]);
                } else {
                    cache.copySummary(d.cacheKey(), summary, out);
                }
            }
        });
        int descriptors = params.descriptorLength();
        Npy.writeAtomically(store.file(FeatureStore.DESCRIPTORS), Npy.header("<f4", n, descriptors), out -> {
            for (Done d : done) {
                if (d.cacheKey() == null || !d.outcome().ok()) {
                    out.write(new byte[4 * descriptors]);
                } else {
                    cache.copyDescriptors(d.cacheKey(), descriptors, out);
                }
            }
        });
        store.writeDescriptorNames(DescriptorSummary.names(params));
        Npy.writeAtomically(store.file(FeatureStore.LOGMEL_PATCH), patchHeader, out -> {
            for (Done d : done) {
                if (d.cacheKey() == null || !d.outcome().ok()) {
                    out.write(new byte[4 * patchValues]);
                } else {
                    cache.copyPatches(d.cacheKey(), patchValues, out);
                }
            }
        });
        int frameWidth = TimbreFrames.width(params.nMfcc());
        int frameValues = AudioFeatureParams.FRAMES_PER_TRACK * frameWidth;
        Npy.writeAtomically(store.file(FeatureStore.TIMBRE_FRAMES),
                Npy.header("<f4", n, AudioFeatureParams.FRAMES_PER_TRACK, frameWidth), out -> {
                    for (Done d : done) {
                        if (d.cacheKey() == null || !d.outcome().ok()) {
                            out.write(new byte[4 * frameValues]);
                        } else {
                            cache.copyFrames(d.cacheKey(), frameValues, out);
                        }
                    }
                });
        boolean[] mask = new boolean[n];
        Set<String> keep = new HashSet<>();
        List<TrackRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Done d = done.get(i);
            mask[i] = d.outcome().ok();
            rows.add(d.row());
            if (d.cacheKey() != null) {
                keep.add(d.cacheKey());
            }
        }
        Npy.write(store.file(FeatureStore.AUDIO_MASK), mask);
        store.writeTracks(rows);
        cache.prune(keep);
    }

    /**
     * The key of one track's result: its file's content ({@code fileSha1}, hex) and every
     * parameter that shapes the numbers. Any other place that reuses results keys them so.
     */
    public static String contentKey(String fileSha1, AudioFeatureParams params) {
        return sha1Hex(fileSha1 + "/" + params.cacheKey());
    }

    private static String sha1(Path file) throws IOException {
        MessageDigest md = sha1Digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha1Hex(String text) {
        return HexFormat.of().formatHex(sha1Digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha1Digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
