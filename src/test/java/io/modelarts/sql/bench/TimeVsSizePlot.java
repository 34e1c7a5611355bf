package io.modelarts.sql.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws time against data-set size on log-log axes as a PNG, with Java2D only: the machine has no
 * plotting tool and no network to fetch one.
 */
final class TimeVsSizePlot {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 600;
  private static final int LEFT = 90;
  private static final int RIGHT = 250;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  /** One line of the plot: x = notebooks, y = milliseconds. */
  record Series(String label, Color color, boolean dashed, double[] x, double[] y) {}

  private TimeVsSizePlot() {}

  static void write(Path png, String title, String subtitle, List<Series> series)
      throws IOException {
    double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        minX = Math.min(minX, s.x()[i]);
        maxX = Math.max(maxX, s.x()[i]);
        minY = Math.min(minY, s.y()[i]);
        maxY = Math.max(maxY, s.y()[i]);
      }
    }
    // Whole decades around the data, so gridlines fall on 10^n.
    double x0 = Math.floor(Math.log10(minX)), x1 = Math.ceil(Math.log10(maxX));
    double y0 = Math.floor(Math.log10(minY)), y1 = Math.ceil(Math.log10(maxY));
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
    Axis xAxis = new Axis(x0, x1, LEFT, LEFT + plotW);
    Axis yAxis = new Axis(y0, y1, TOP + plotH, TOP);

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(subtitle, LEFT, 48);

    Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    g.setFont(tickFont);
    FontMetrics fm = g.getFontMetrics();
    for (double d = x0; d <= x1; d++) {
      for (int m = 1; m < 10 && d + Math.log10(m) <= x1; m++) {
        int px = xAxis.at(d + Math.log10(m));
        g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(238, 238, 238));
        g.drawLine(px, TOP, px, TOP + plotH);
      }
      String label = String.format(Locale.ROOT, "%,d", (long) Math.pow(10, d));
      g.setColor(Color.BLACK);
      g.drawString(label, xAxis.at(d) - fm.stringWidth(label) / 2, TOP + plotH + 20);
    }
    for (double d = y0; d <= y1; d++) {
      for (int m = 1; m < 10 && d + Math.log10(m) <= y1; m++) {
        int py = yAxis.at(d + Math.log10(m));
        g.setColor(m == 1 ? new Color(200, 200, 200) : new Color(238, 238, 238));
        g.drawLine(LEFT, py, LEFT + plotW, py);
      }
      String label = millisLabel(Math.pow(10, d));
      g.setColor(Color.BLACK);
      g.drawString(label, LEFT - 8 - fm.stringWidth(label), yAxis.at(d) + 5);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    String xLabel = "notebooks in the project (log scale)";
    g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 22);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    String yLabel = "wall time (log scale)";
    rotated.drawString(yLabel, -(TOP + plotH / 2) - fm.stringWidth(yLabel) / 2, 22);
    rotated.dispose();

    int legendY = TOP + 10;
    for (Series s : series) {
      Stroke stroke =
          s.dashed()
              ? new BasicStroke(
                  2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f)
              : new BasicStroke(2.5f);
      g.setColor(s.color());
      g.setStroke(stroke);
      for (int i = 1; i < s.x().length; i++) {
        g.drawLine(
            xAxis.at(Math.log10(s.x()[i - 1])),
            yAxis.at(Math.log10(s.y()[i - 1])),
            xAxis.at(Math.log10(s.x()[i])),
            yAxis.at(Math.log10(s.y()[i])));
      }
      g.setStroke(new BasicStroke(1f));
      for (int i = 0; i < s.x().length; i++) {
        int px = xAxis.at(Math.log10(s.x()[i])), py = yAxis.at(Math.log10(s.y()[i]));
        g.fillOval(px - 4, py - 4, 9, 9);
      }
      g.setStroke(stroke);
      g.drawLine(LEFT + plotW + 16, legendY, LEFT + plotW + 46, legendY);
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.BLACK);
      int line = 0;
      for (String part : s.label().split("\n")) {
        g.drawString(part, LEFT + plotW + 54, legendY + 5 + line++ * 16);
      }
      legendY += 20 + line * 16;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static String millisLabel(double millis) {
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%,.0f s", millis / 1000);
    }
    return String.format(Locale.ROOT, "%.0f ms", millis);
  }

  /** Maps a log10 value to a pixel coordinate. */
  private record Axis(double from, double to, int pixelFrom, int pixelTo) {
    int at(double log) {
      return (int) Math.round(pixelFrom + (log - from) / (to - from) * (pixelTo - pixelFrom));
    }
  }
}
