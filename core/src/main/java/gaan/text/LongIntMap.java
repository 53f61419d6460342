package gaan.text;

import java.util.Arrays;

/**
 * Open-addressing map from 64-bit feature hashes to ints (counts or column indices), without
 * boxing: the n-gram featuriser touches tens of millions of keys on a real collection.
 * Key {@code 0} is reserved as the empty-slot marker; feature hashes are never 0.
 */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
    }

    int size() {
        return size;
    }

    /** Value of {@code key}, or {@code missing} when absent. */
    int get(long key, int missing) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return missing;
            }
        }
    }

    void add(long key, int delta) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
            values[i] = delta;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            values[i] += delta;
        }
    }

    void put(long key, int value) {
        int before = get(key, Integer.MIN_VALUE);
        add(key, before == Integer.MIN_VALUE ? value : value - before);
    }

    /** The keys, ascending, so that iteration order never depends on the table layout. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
