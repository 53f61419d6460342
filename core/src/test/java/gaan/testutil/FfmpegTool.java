package gaan.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Loader;

/** Runs the {@code ffmpeg} executable shipped in the bytedeco jar, to make test inputs in other formats. */
public final class FfmpegTool {
    private FfmpegTool() {
    }

    /** {@code ffmpeg -i in ARGS out}; fails with ffmpeg's own message. */
    public static Path convert(Path in, Path out, String... args) {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", in.toString()));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The executable's shared libraries were unpacked beside it.
        pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        try {
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not write " + out + ": " + log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
