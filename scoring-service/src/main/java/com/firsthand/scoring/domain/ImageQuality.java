package com.firsthand.scoring.domain;

/**
 * Technical measures of a photo, taken on its luminance.
 *
 * @param laplacianVariance sharpness: variance of the 4-neighbour Laplacian (blur flattens edges, lowering it)
 * @param meanLuminance     0-255
 * @param darkClipped       share of pixels at or below 10
 * @param brightClipped     share of pixels at or above 245
 * @param contrast          standard deviation of luminance
 * @param noiseSigma        Immerkaer's fast estimate of Gaussian noise (Computer Vision and Image Understanding,
 *                          1996): the image convolved with a mask that cancels smooth surfaces and edges
 */
public record ImageQuality(double laplacianVariance, double meanLuminance, double darkClipped, double brightClipped,
        double contrast, double noiseSigma) {

    public static ImageQuality measure(GrayImage image) {
        int w = image.width();
        int h = image.height();
        double sum = 0;
        double sumSquares = 0;
        long dark = 0;
        long bright = 0;
        for (float value : image.luma()) {
            sum += value;
            sumSquares += (double) value * value;
            if (value <= 10) {
                dark++;
            } else if (value >= 245) {
                bright++;
            }
        }
        int n = w * h;
        double mean = sum / n;
        double contrast = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        if (w < 3 || h < 3) {
            return new ImageQuality(0, mean, (double) dark / n, (double) bright / n, contrast, 0);
        }
        double lapSum = 0;
        double lapSquares = 0;
        double noiseSum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                float c = image.at(x, y);
                float north = image.at(x, y - 1);
                float south = image.at(x, y + 1);
                float west = image.at(x - 1, y);
                float east = image.at(x + 1, y);
                double laplacian = north + south + west + east - 4 * c;
                lapSum += laplacian;
                lapSquares += laplacian * laplacian;
                double corners = image.at(x - 1, y - 1) + image.at(x + 1, y - 1) + image.at(x - 1, y + 1)
                        + image.at(x + 1, y + 1);
                noiseSum += Math.abs(corners - 2 * (north + south + west + east) + 4 * c);
            }
        }
        int inner = (w - 2) * (h - 2);
        double lapMean = lapSum / inner;
        double laplacianVariance = lapSquares / inner - lapMean * lapMean;
        double noiseSigma = Math.sqrt(Math.PI / 2) * noiseSum / (6.0 * inner);
        return new ImageQuality(laplacianVariance, mean, (double) dark / n, (double) bright / n, contrast, noiseSigma);
    }
}
