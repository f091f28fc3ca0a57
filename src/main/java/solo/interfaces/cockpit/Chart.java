package solo.interfaces.cockpit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A chart over days, laid out here and drawn by the template as SVG (no script): stacked bars or lines, a y axis
 * with round ticks, day labels, a legend, a tooltip on every point, and the same numbers as a table for screen
 * readers and for reading. A missing value (no run that day) leaves a gap in a line.
 */
final class Chart {
    static final int W = 560;
    static final int H = 180;
    private static final int LEFT = 56;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    private static final int TICKS = 5;

    /** One series: its name, its CSS class (its colour) and a value per day (null: nothing that day). */
    record Series(String name, String css, List<Double> values) {}

    private Chart() {}

    /** Bars stacked day by day (runs by how they ended, cost); {@code counts}: whole numbers, so the ticks are too. */
    static Map<String, Object> bars(String title, List<String> days, List<Series> stacked, boolean counts,
            Function<Double, String> format) {
        double max = 0;
        for (int i = 0; i < days.size(); i++) {
            double sum = 0;
            for (Series s : stacked) {
                sum += value(s, i);
            }
            max = Math.max(max, sum);
        }
        double top = counts ? Math.max(TICKS, niceMax(max)) : niceMax(max);
        Map<String, Object> m = frame(title, days, stacked, top, format);
        double slot = plotWidth() / (double) Math.max(1, days.size());
        double bar = Math.max(2, slot * 0.7);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double base = 0;
            for (Series s : stacked) {
                double v = value(s, i);
                if (v > 0) {
                    double y0 = y(base, top);
                    double y1 = y(base + v, top);
                    bars.add(Map.of("x", fmt(LEFT + i * slot + (slot - bar) / 2), "y", fmt(y1), "w", fmt(bar), "h", fmt(y0 - y1),
                            "css", s.css(), "tip", days.get(i) + ": " + s.name() + " " + format.apply(v)));
                }
                base += v;
            }
        }
        m.put("bars", bars);
        m.put("lines", List.of());
        m.put("dots", List.of());
        return m;
    }

    /** Lines, one per series (cycle time p50 and p95; failure and intervention rates); {@code fixedMax} for rates. */
    static Map<String, Object> lines(String title, List<String> days, List<Series> series, Double fixedMax,
            Function<Double, String> format) {
        double max = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = fixedMax != null ? fixedMax : niceMax(max);
        Map<String, Object> m = frame(title, days, series, top, format);
        double slot = plotWidth() / (double) Math.max(1, days.size());
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> dots = new ArrayList<>();
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < days.size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    flush(lines, points, s.css());
                    continue;
                }
                String x = fmt(LEFT + i * slot + slot / 2);
                String y = fmt(y(v, top));
                points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
                dots.add(Map.of("cx", x, "cy", y, "css", s.css(), "tip", days.get(i) + ": " + s.name() + " " + format.apply(v)));
            }
            flush(lines, points, s.css());
        }
        m.put("bars", List.of());
        m.put("lines", lines);
        m.put("dots", dots);
        return m;
    }

    private static void flush(List<Map<String, Object>> lines, StringBuilder points, String css) {
        if (!points.isEmpty()) {
            lines.add(Map.of("points", points.toString(), "css", css));
            points.setLength(0);
        }
    }

    /** What every chart has: size, axes, ticks, day labels, legend, the table of values. */
    private static Map<String, Object> frame(String title, List<String> days, List<Series> series, double top,
            Function<Double, String> format) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("width", W);
        m.put("height", H);
        m.put("x0", LEFT);
        m.put("x1", W - RIGHT);
        m.put("y0", H - BOTTOM);
        m.put("y1", TOP);
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int t = 0; t <= TICKS; t++) {
            double v = top * t / TICKS;
            ticks.add(Map.of("y", fmt(y(v, top)), "ty", fmt(y(v, top) + 4), "label", format.apply(v)));
        }
        m.put("ticks", ticks);
        double slot = plotWidth() / (double) Math.max(1, days.size());
        int every = Math.max(1, (int) Math.ceil(days.size() / 7.0));
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i -= every) { // the newest day always has its label
            labels.add(Map.of("x", fmt(LEFT + i * slot + slot / 2), "label", days.get(i).substring(5)));
        }
        m.put("xlabels", labels);
        m.put("label_y", H - 8);
        m.put("legend", series.stream().map(s -> Map.of("name", s.name(), "css", s.css())).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < days.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (Series s : series) {
                Double v = s.values().get(i);
                any |= v != null && v != 0;
                cells.add(v == null ? "—" : format.apply(v));
            }
            rows.add(Map.of("day", days.get(i), "cells", cells));
        }
        m.put("rows", rows);
        m.put("empty", !any);
        return m;
    }

    private static double value(Series s, int i) {
        Double v = s.values().get(i);
        return v == null ? 0 : v;
    }

    private static double plotWidth() {
        return W - LEFT - RIGHT;
    }

    private static double y(double v, double top) {
        double h = H - TOP - BOTTOM;
        return H - BOTTOM - (top <= 0 ? 0 : v / top * h);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code max} (1 when there is nothing). */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= max) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
