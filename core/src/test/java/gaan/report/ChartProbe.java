package gaan.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a rendered XChart chart shows: its axes' tick labels, the room its title and legend take.
 * XChart computes these while painting and keeps them in package-private parts, so the probe paints
 * the chart first and reads them by reflection (tests only; the plots never do this).
 */
final class ChartProbe {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    private ChartProbe() {
    }

    /** Paints the chart (as the PNG writer does) so that its axes and legend are laid out. */
    static void render(Chart<?, ?> chart) {
        BitmapEncoder.getBufferedImage(chart);
    }

    static List<String> xTickLabels(AxesChart<?, ?> chart) {
        return tickLabels(axis(chart, "getXAxis"));
    }

    static List<String> yTickLabels(AxesChart<?, ?> chart) {
        return tickLabels(axis(chart, "getYAxis"));
    }

    /** The width the chart's title needs in its font, in pixels. */
    static double titleWidth(Chart<?, ?> chart) {
        return textWidth(chart.getTitle(), chart.getStyler().getChartTitleFont());
    }

    static double textWidth(String text, Font font) {
        return new TextLayout(text, font, FRC).getBounds().getWidth();
    }

    /** The legend's box (size only; XChart places it while painting). */
    static Rectangle2D legendBounds(Chart<?, ?> chart) {
        Object legend = call(chart, Chart.class, "getLegend");
        return (Rectangle2D) call(legend, legend.getClass(), "getBounds");
    }

    private static Object axis(AxesChart<?, ?> chart, String getter) {
        render(chart);
        try {
            Field pair = AxesChart.class.getDeclaredField("axisPair");
            pair.setAccessible(true);
            Object axisPair = pair.get(chart);
            return call(axisPair, axisPair.getClass(), getter);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("XChart's axes are not where this probe looks for them", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> tickLabels(Object axis) {
        Object calculator = call(axis, axis.getClass(), "getAxisTickCalculator");
        return new ArrayList<>((List<String>) call(calculator, calculator.getClass(), "getTickLabels"));
    }

    private static Object call(Object target, Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name);
                m.setAccessible(true);
                return m.invoke(target);
            } catch (NoSuchMethodException e) {
                // declared further up
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("could not call XChart's " + name, e);
            }
        }
        throw new AssertionError("XChart has no " + name + " on " + type);
    }
}
