package io.casteroperator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Casters Ready over time against the ideal line N / (K·Q), as PNG. */
public final class ReadyChart {

  private ReadyChart() {}

  public static void draw(BenchReport report, Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(520)
        .title(report.casters() + " Casters" + (report.accounts() == 1 ? "" : " over " + report.accounts() + " accounts")
            + " at " + report.qps() + " calls/s" + (report.accounts() == 1 ? "" : " each"))
        .xAxisTitle("seconds since the first submission").yAxisTitle("Casters Ready").build();
    List<Double> x = new ArrayList<>(List.of(0.0));
    List<Double> y = new ArrayList<>(List.of(0.0));
    for (int i = 0; i < report.readySeconds().size(); i++) {
      x.add(report.readySeconds().get(i));
      y.add((double) i + 1);
    }
    XYSeries ready = chart.addSeries("Ready (operator)", x, y);
    ready.setMarker(SeriesMarkers.NONE);
    XYSeries ideal = chart.addSeries(report.accounts() == 1 ? "ideal: N/Q" : "ideal: N/(K·Q)",
        List.of(0.0, report.idealSeconds()), List.of(0.0, (double) report.casters()));
    ideal.setMarker(SeriesMarkers.NONE);
    String name = file.toString();
    BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
        BitmapEncoder.BitmapFormat.PNG);
  }
}
