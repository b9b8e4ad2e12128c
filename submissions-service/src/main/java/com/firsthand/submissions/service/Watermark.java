package com.firsthand.submissions.service;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * "PREVIEW" written diagonally across the whole image, repeated, light over dark so that it shows on any picture.
 * The letters are drawn as strokes, not with a font: server images often have no fonts installed.
 */
final class Watermark {

    /** Glyphs on a 4×6 grid, each a list of polylines {x0, y0, x1, y1, ...}. */
    private static final int[][][] LETTERS = {
        {{0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3}},                              // P
        {{0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3}, {2, 3, 4, 6}},                // R
        {{4, 0, 0, 0, 0, 6, 4, 6}, {0, 3, 3, 3}},                                  // E
        {{0, 0, 2, 6, 4, 0}},                                                      // V
        {{2, 0, 2, 6}, {1, 0, 3, 0}, {1, 6, 3, 6}},                                // I
        {{4, 0, 0, 0, 0, 6, 4, 6}, {0, 3, 3, 3}},                                  // E
        {{0, 0, 1, 6, 2, 2, 3, 6, 4, 0}},                                          // W
    };
    private static final int ADVANCE = 6;
    private static final int WORD_WIDTH = LETTERS.length * ADVANCE - 2;

    private Watermark() {
    }

    static void apply(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double unit = Math.max(1.5, Math.min(width, height) / 60.0);
        Path2D word = word();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.rotate(-Math.PI / 6, width / 2.0, height / 2.0);
        double diagonal = Math.hypot(width, height);
        double stepX = (WORD_WIDTH + 12) * unit;
        double stepY = 14 * unit;
        int row = 0;
        for (double y = (height - diagonal) / 2; y < (height + diagonal) / 2; y += stepY, row++) {
            for (double x = (width - diagonal) / 2 - (row % 2) * stepX / 2; x < (width + diagonal) / 2; x += stepX) {
                AffineTransform at = new AffineTransform(unit, 0, 0, unit, x, y);
                Shape shape = at.createTransformedShape(word);
                stroke(g, shape, new Color(0, 0, 0), 0.35f, (float) (unit * 1.6));
                stroke(g, shape, new Color(255, 255, 255), 0.55f, (float) (unit * 0.8));
            }
        }
        g.dispose();
    }

    private static void stroke(Graphics2D g, Shape shape, Color color, float alpha, float width) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    private static Path2D word() {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < LETTERS.length; i++) {
            for (int[] line : LETTERS[i]) {
                path.moveTo(line[0] + i * ADVANCE, line[1]);
                for (int p = 2; p < line.length; p += 2) {
                    path.lineTo(line[p] + i * ADVANCE, line[p + 1]);
                }
            }
        }
        return path;
    }
}
