package com.firsthand.scoring.domain;

import java.awt.image.BufferedImage;

/**
 * Luminance (0-255) of an image, box-averaged down so that its longer side is at most {@code maxSide}: every
 * measure runs on the same scale whatever the camera's resolution, and averaging (not dropping) pixels keeps
 * blur and noise comparable.
 */
public record GrayImage(int width, int height, float[] luma) {

    public float at(int x, int y) {
        return luma[y * width + x];
    }

    public static GrayImage of(BufferedImage image, int maxSide) {
        int factor = Math.max(1, (int) Math.ceil(Math.max(image.getWidth(), image.getHeight()) / (double) maxSide));
        int width = Math.max(1, image.getWidth() / factor);
        int height = Math.max(1, image.getHeight() / factor);
        int usedWidth = Math.min(image.getWidth(), width * factor);
        int usedHeight = Math.min(image.getHeight(), height * factor);
        float[] sums = new float[width * height];
        int[] row = new int[usedWidth];
        for (int y = 0; y < usedHeight; y++) {
            image.getRGB(0, y, usedWidth, 1, row, 0, usedWidth);
            int target = Math.min(height - 1, y / factor) * width;
            for (int x = 0; x < usedWidth; x++) {
                int rgb = row[x];
                float luminance = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
                sums[target + Math.min(width - 1, x / factor)] += luminance;
            }
        }
        float cell = (float) factor * factor;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= cell;
        }
        return new GrayImage(width, height, sums);
    }

    /** Area-averaged resize to an exact size (used for perceptual hashing). */
    public GrayImage resize(int targetWidth, int targetHeight) {
        float[] out = new float[targetWidth * targetHeight];
        for (int ty = 0; ty < targetHeight; ty++) {
            int y0 = ty * height / targetHeight;
            int y1 = Math.max(y0 + 1, (ty + 1) * height / targetHeight);
            for (int tx = 0; tx < targetWidth; tx++) {
                int x0 = tx * width / targetWidth;
                int x1 = Math.max(x0 + 1, (tx + 1) * width / targetWidth);
                double sum = 0;
                for (int y = y0; y < Math.min(y1, height); y++) {
                    for (int x = x0; x < Math.min(x1, width); x++) {
                        sum += at(x, y);
                    }
                }
                out[ty * targetWidth + tx] = (float) (sum / ((Math.min(y1, height) - y0) * (Math.min(x1, width) - x0)));
            }
        }
        return new GrayImage(targetWidth, targetHeight, out);
    }
}
