package id.puskesos.rujukan.registry;

import java.util.Arrays;

/**
 * Which row of an import first carried each NIK, so a second row with the same NIK is caught. A 16-digit NIK fits
 * in a long: an open-addressing table of longs and ints keeps a million NIKs in 24 MB, a fraction of a HashMap's.
 */
final class NikRows {

  private static final long EMPTY = -1L;

  private long[] keys = new long[1 << 16];
  private int[] rows = new int[1 << 16];
  private int size;

  NikRows() {
    Arrays.fill(keys, EMPTY);
  }

  /** Remembers the NIK's row; returns the row that had it before, or -1. */
  long putIfAbsent(String nik, int row) {
    if (size * 2 >= keys.length) {
      grow();
    }
    long key = Long.parseLong(nik);
    int slot = slot(key, keys.length);
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return rows[slot];
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    keys[slot] = key;
    rows[slot] = row;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i], keys.length);
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = oldKeys[i];
        rows[slot] = oldRows[i];
      }
    }
  }

  private static int slot(long key, int capacity) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (capacity - 1);
  }
}
