package gaan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A folder gaan writes into (a results folder, a feature store), held by one process at a time.
 * The one owner of two rules: a folder is locked while written ({@value #LOCK}, holding the PID;
 * a second process stops with a message naming it), and gaan deletes or replaces only what it
 * wrote itself, listed in {@value #MANIFEST} (one path relative to the folder a line; folders end
 * with {@code /}). Files beside them that gaan did not write are never touched.
 */
public final class OwnedFolder implements AutoCloseable {
    /** What gaan wrote here, relative paths, sorted. */
    public static final String MANIFEST = ".gaan-manifest";
    /** Held (an OS file lock) while a process writes here; holds that process's PID. */
    public static final String LOCK = ".gaan.lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Set<String> written;

    private OwnedFolder(Path dir, FileChannel lockChannel, FileLock lock, Set<String> written) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.written = written;
    }

    /**
     * Creates the folder if needed and locks it.
     *
     * @param what what the folder is, for messages ("results folder", "feature store")
     * @throws CollectionException when another process holds the lock, naming its PID
     */
    public static OwnedFolder lock(Path folder, String what) {
        Path dir = folder.toAbsolutePath().normalize();
        Path lockFile = dir.resolve(LOCK);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new CollectionException(what + " " + dir + " is being written by another gaan process"
                        + (holder.isEmpty() ? "" : " (PID " + holder + ")")
                        + "; wait for it to finish, or use another folder");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new OwnedFolder(dir, channel, lock, readManifest(dir));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + what + " " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that two folders gaan writes (or a written folder and a collection) are apart:
     * neither is the other nor inside it.
     *
     * @throws CollectionException naming both
     */
    public static void requireApart(Path a, String aWhat, Path b, String bWhat) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        if (x.startsWith(y) || y.startsWith(x)) {
            throw new CollectionException(aWhat + " " + x + " and " + bWhat + " " + y + " must be separate folders,"
                    + " neither inside the other; choose another " + aWhat);
        }
    }

    /**
     * Checks that a folder gaan writes is not a collection's folder nor one that holds it (where
     * gaan's files would sit over the collection's own {@code tracks.csv}, {@code audio/}, ...).
     */
    public static void requireOutside(Path written, String what, Path collectionRoot) {
        Path x = written.toAbsolutePath().normalize();
        if (collectionRoot.toAbsolutePath().normalize().startsWith(x)) {
            throw new CollectionException(what + " " + x + " would hold the collection " + collectionRoot
                    + " and write over its files; choose a folder inside or beside it, e.g. "
                    + collectionRoot.resolve(".gaan"));
        }
    }

    /** Whether some process (this one included) holds the lock of {@code folder} now. */
    public static boolean isLocked(Path folder) {
        Path lockFile = folder.toAbsolutePath().normalize().resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Whether the folder holds nothing but gaan's lock and manifest. */
    public boolean isEmpty() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).allMatch(n -> n.equals(LOCK) || n.equals(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether gaan wrote {@code relative} (a file, or a folder given with a trailing {@code /}):
     * listed here, or in the manifest of a subfolder gaan wrote on its own (as {@code gaan eda}
     * writes {@code results/eda/}).
     */
    public boolean wrote(String relative) {
        if (written.contains(relative)) {
            return true;
        }
        for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
            Path sub = dir.resolve(relative.substring(0, slash));
            try {
                if (Files.isRegularFile(sub.resolve(MANIFEST))
                        && readManifest(sub).contains(relative.substring(slash + 1))) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether gaan wrote anything under the folder {@code relative} (without trailing slash). */
    public boolean wroteUnder(String relative) {
        return written.stream().anyMatch(w -> w.startsWith(relative + "/"));
    }

    /**
     * Whether {@code relative} is free for gaan to write: absent, or written by gaan before. A
     * folder is free when it is absent, empty, or gaan wrote something in it (listed here, or it
     * has a manifest of its own).
     */
    public boolean free(String relative) {
        Path p = dir.resolve(relative);
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                return s.findAny().isEmpty() || wroteUnder(relative) || Files.isRegularFile(p.resolve(MANIFEST));
            } catch (IOException e) {
                return false;
            }
        }
        return wrote(relative);
    }

    /** Records files and folders gaan has just written, and saves the manifest. */
    public void record(java.util.Collection<String> relative) {
        written.addAll(relative);
        save();
    }

    /** Records the file at {@code path} (inside this folder) as written by gaan. */
    public void record(Path path) {
        record(List.of(relative(path)));
    }

    /**
     * Deletes what gaan wrote under the folder {@code relative} and is not in {@code keep}:
     * listed files, then listed folders left empty (deepest first); everything else stays.
     */
    public void deleteStale(String relative, Set<String> keep) {
        List<String> stale = written.stream().filter(w -> w.startsWith(relative + "/") && !keep.contains(w))
                .sorted(Comparator.reverseOrder()).toList();
        for (String w : stale) {
            Path p = dir.resolve(w);
            try {
                if (w.endsWith("/")) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        try (Stream<Path> s = Files.list(p)) {
                            if (s.findAny().isPresent()) {
                                continue;
                            }
                        }
                    }
                }
                Files.deleteIfExists(p);
                written.remove(w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
            }
        }
        save();
    }

    /** {@code path} relative to this folder, with {@code /} separators. */
    public String relative(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(dir)) {
            throw new IllegalArgumentException(path + " is not inside " + dir);
        }
        return dir.relativize(abs).toString().replace('\\', '/');
    }

    private static Set<String> readManifest(Path dir) throws IOException {
        Path m = dir.resolve(MANIFEST);
        Set<String> out = new TreeSet<>();
        if (Files.isRegularFile(m)) {
            for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private void save() {
        Path m = dir.resolve(MANIFEST);
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        try {
            Files.write(tmp, new ArrayList<>(written), StandardCharsets.UTF_8);
            Files.move(tmp, m, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + m + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel below.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }
}
