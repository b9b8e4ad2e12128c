package com.firsthand.scoring.domain;

/**
 * 64-bit difference hash (dHash): the image shrunk to 9x8, one bit per horizontal neighbour pair saying whether
 * brightness rises. Resizing, re-encoding and light cropping move only a few bits; different photos differ in
 * about half of them.
 */
public final class DifferenceHash {

    private DifferenceHash() {
    }

    public static long of(GrayImage image) {
        GrayImage small = image.resize(9, 8);
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash <<= 1;
                if (small.at(x + 1, y) > small.at(x, y)) {
                    hash |= 1;
                }
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
