package gaan.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import gaan.config.ConfigException;
import gaan.data.OwnedFolder;

/**
 * An output folder {@code OUT} of {@code gaan run}, {@code train} or {@code cluster}, locked while
 * written. Everything is written into a fresh staging folder {@code OUT/.gaan-staging-<pid>/} and
 * moved into place by {@link #commit}, so the previous results stay whole until the new ones are
 * complete (a killed run leaves them untouched; its staging folder is removed by the next run). At
 * the commit, files an earlier run wrote under the same entries (task folders, or named files)
 * and this one did not are deleted; files gaan did not write are never deleted or replaced (see
 * {@link OwnedFolder}).
 */
public final class ResultsFolder implements AutoCloseable {
    private static final String STAGING_PREFIX = ".gaan-staging-";

    private final OwnedFolder owned;
    private final Path staging;
    private final List<String> entries;
    private final Progress progress;

    private ResultsFolder(OwnedFolder owned, Path staging, List<String> entries, Progress progress) {
        this.owned = owned;
        this.staging = staging;
        this.entries = List.copyOf(entries);
        this.progress = progress;
    }

    /**
     * Locks {@code out} and checks that every entry the run will write ({@code <task>/},
     * {@code eda/}, {@code report.html}, {@code latent.npy}, ...) is absent or gaan's own, before
     * any work.
     *
     * @param what what the folder is, for messages ("results folder", "training folder")
     */
    public static ResultsFolder open(Path out, String what, List<String> entries, Progress progress) {
        OwnedFolder owned = OwnedFolder.lock(out, what);
        try {
            for (String e : entries) {
                if (!owned.free(e)) {
                    throw new ConfigException(owned.dir().resolve(e) + " exists and was not written by gaan"
                            + " (it is not in " + OwnedFolder.MANIFEST + "); move it away or choose another --out");
                }
            }
            try (Stream<Path> s = Files.list(owned.dir())) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                    deleteTree(p);
                }
            }
            Path staging = owned.dir().resolve(STAGING_PREFIX + ProcessHandle.current().pid());
            Files.createDirectories(staging);
            return new ResultsFolder(owned, staging, entries, progress);
        } catch (IOException | RuntimeException e) {
            owned.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot prepare " + out + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Where this run writes; {@link #commit} moves its contents into {@code OUT}. */
    public Path staging() {
        return staging;
    }

    /** Where a staged path ends up after the commit; a path outside the staging folder stays where it is. */
    public Path target(Path staged) {
        Path p = staged.toAbsolutePath().normalize();
        return p.startsWith(staging) ? owned.dir().resolve(staging.relativize(p)) : p;
    }

    /** Whether gaan wrote the file at {@code path} in {@code OUT} (an earlier run's, listed in the manifest). */
    boolean wrote(Path path) {
        return owned.wrote(owned.relative(path));
    }

    /**
     * The task folders of earlier runs that this run leaves in place: gaan's folders in
     * {@code OUT} with a {@code run.json}, other than {@code rewritten} (the run's own tasks).
     */
    List<Path> keptTaskFolders(java.util.Collection<String> rewritten) {
        return ReportRebuild.taskFolders(owned.dir()).stream().filter(p -> {
            String name = p.getFileName().toString();
            return !rewritten.contains(name) && owned.wroteUnder(name);
        }).toList();
    }

    /**
     * Moves the staged results into place: per top-level entry, gaan's stale files go, the new
     * ones are moved in (one atomic rename each), and the manifest lists what is there now. An
     * entry that is a file gaan wrote before and this run did not write again is deleted (a
     * {@code clusters.npy} of an earlier selection would describe another run).
     */
    public void commit() {
        try {
            List<String> dirs = new ArrayList<>();
            List<String> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(staging)) {
                for (Path p : walk.filter(p -> !p.equals(staging)).sorted().toList()) {
                    String rel = staging.relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) {
                        dirs.add(rel + "/");
                    } else {
                        files.add(rel);
                    }
                }
            }
            Set<String> fresh = new TreeSet<>(dirs);
            fresh.addAll(files);
            try (Stream<Path> top = Files.list(staging)) {
                for (Path p : top.toList()) {
                    owned.deleteStale(p.getFileName().toString(), fresh);
                }
            }
            for (String e : entries) {
                Path old = owned.dir().resolve(e);
                if (!fresh.contains(e) && owned.wrote(e) && Files.isRegularFile(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(old);
                }
            }
            for (String d : dirs) {
                Files.createDirectories(owned.dir().resolve(d));
            }
            for (String f : files) {
                Path target = owned.dir().resolve(f);
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !owned.wrote(f)) {
                    progress.warn(target + " was not written by gaan and is left as it is; the new one is not"
                            + " written");
                    fresh.remove(f);
                    continue;
                }
                Files.move(staging.resolve(f), target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            owned.record(fresh);
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the results from " + staging + " into " + owned.dir() + ": "
                    + e.getMessage() + "; they are complete in " + staging, e);
        }
    }

    /** Removes the staging folder if the run did not commit, and releases the lock. */
    @Override
    public void close() {
        try {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            progress.warn("cannot remove " + staging + ": " + e.getMessage());
        } finally {
            owned.close();
        }
    }

    /** Deletes a folder gaan created (the staging folder), with everything in it. */
    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
