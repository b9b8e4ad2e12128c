package com.firsthand.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps technical measures to 1-5 stars: 5 minus a penalty per flaw. The thresholds were set on the labelled set in
 * the tests (see docs/benchmarks.md). It cannot tell what the photo shows and says so.
 */
public final class QualityRating {

    public static final double BLURRY_BELOW = 40;
    public static final double SOFT_BELOW = 120;
    public static final double DARK_MEAN_BELOW = 45;
    public static final double BLOWN_MEAN_ABOVE = 215;
    public static final double NOISY_ABOVE = 8;
    public static final double FLAT_CONTRAST_BELOW = 22;

    private QualityRating() {
    }

    public static Verdict rate(ImageQuality q, int width, int height, List<Check> earlier) {
        List<Check> checks = new ArrayList<>(earlier);
        List<String> words = new ArrayList<>();
        int stars = 5;

        String exposure = String.format(Locale.ROOT, "mean luminance %.0f, %.1f%% black, %.1f%% white",
                q.meanLuminance(), q.darkClipped() * 100, q.brightClipped() * 100);
        boolean exposed = true;
        if (q.meanLuminance() < DARK_MEAN_BELOW || q.darkClipped() > 0.5) {
            stars -= 3;
            exposed = false;
            words.add("too dark (" + exposure + "): use more light");
        } else if (q.meanLuminance() > BLOWN_MEAN_ABOVE || q.brightClipped() > 0.4) {
            stars -= 3;
            exposed = false;
            words.add("blown out (" + exposure + "): avoid pointing into bright light");
        } else if (q.darkClipped() + q.brightClipped() > 0.15) {
            stars -= 1;
            words.add("partly clipped (" + exposure + ")");
        } else {
            words.add("well exposed (" + exposure + ")");
        }
        checks.add(new Check("exposure", exposed, exposure));

        String sharpness = String.format(Locale.ROOT, "Laplacian variance %.0f", q.laplacianVariance());
        if (!exposed) {
            words.add(0, "Sharpness not judged (exposure hides edges)");
        } else if (q.laplacianVariance() < BLURRY_BELOW) {
            stars -= 3;
            words.add(0, "Blurry (" + sharpness + "): retake the photo holding the camera steady and in focus");
        } else if (q.laplacianVariance() < SOFT_BELOW) {
            stars -= 1;
            words.add(0, "Slightly soft (" + sharpness + ")");
        } else {
            words.add(0, "Sharp (" + sharpness + ")");
        }
        checks.add(new Check("sharpness", !exposed || q.laplacianVariance() >= BLURRY_BELOW, sharpness));

        String contrast = String.format(Locale.ROOT, "contrast %.0f", q.contrast());
        if (exposed && q.contrast() < FLAT_CONTRAST_BELOW) {
            stars -= 1;
            words.add("flat (" + contrast + ")");
        }
        String noise = String.format(Locale.ROOT, "noise sigma %.1f", q.noiseSigma());
        if (q.noiseSigma() > NOISY_ABOVE) {
            stars -= 1;
            words.add("noisy (" + noise + ")");
        }
        checks.add(new Check("noise", q.noiseSigma() <= NOISY_ABOVE, noise));

        double megapixels = (double) width * height / 1_000_000;
        String size = String.format(Locale.ROOT, "%d×%d, %.1f MP", width, height, megapixels);
        if (megapixels < 0.1) {
            stars -= 3;
            words.add("tiny (" + size + ")");
        } else if (megapixels < 0.3) {
            stars -= 2;
            words.add("small (" + size + ")");
        } else if (megapixels < 1) {
            stars -= 1;
            words.add(size);
        } else {
            words.add(size);
        }
        checks.add(new Check("resolution", megapixels >= 0.1, size));

        String reasoning = capitalise(String.join(", ", words)) + ". Content not judged: the local scorer measures "
                + "technical quality only.";
        return new Verdict(Math.max(1, Math.min(5, stars)), reasoning, false, "local", checks);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
