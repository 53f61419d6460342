package gaan.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads for the duration of one fit. Work is split by index range; callers
 * write results per index (or per range, combined in range order), so the output depends on the
 * thread count at most through floating-point summation order.
 */
public final class Parallel implements AutoCloseable {
    /** The body of a loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** The body of a loop over {@code [from, to)} that also knows which worker (0-based) runs it. */
    @FunctionalInterface
    public interface WorkerRange {
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "gaan-cluster");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} on {@code threads()} contiguous, equal slices of {@code [0, n)}; slices
     * shorter than {@code minSlice} are not worth a thread, so small loops run on the caller.
     */
    public void forSlices(int n, int minSlice, WorkerRange body) {
        int parts = Math.max(1, Math.min(threads, n / Math.max(1, minSlice)));
        if (parts == 1) {
            body.run(0, 0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            int worker = p;
            futures.add(pool.submit(() -> body.run(worker, from, to)));
        }
        body.run(0, 0, (int) ((long) n / parts));
        await(futures);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} handed out on demand, for
     * loops whose iterations cost very different amounts. Each index must be written independently.
     */
    public void forChunks(int n, int grain, Range body) {
        if (threads == 1 || n <= grain) {
            body.run(0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int from = next.getAndAdd(grain); from < n; from = next.getAndAdd(grain)) {
                body.run(from, Math.min(n, from + grain));
            }
        };
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int p = 1; p < threads; p++) {
            futures.add(pool.submit(worker));
        }
        worker.run();
        await(futures);
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while clustering", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
