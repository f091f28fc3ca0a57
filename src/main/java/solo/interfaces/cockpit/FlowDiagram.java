package solo.interfaces.cockpit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.StepDefinition;

/**
 * A flow drawn as its dependency graph, laid out left to right for an SVG the template writes: each step
 * one column after the steps it depends on ({@code after:} and the {@code steps.ID} it reads; solid
 * edges). A step that depends on nothing still runs after the one before it in the file, so it is drawn
 * after that one with a dashed edge.
 */
record FlowDiagram(int width, int height, List<Node> nodes, List<Edge> edges) {
    static final int W = 160;
    static final int H = 46;
    static final int GAP_X = 56;
    static final int GAP_Y = 22;
    static final int PAD = 12;

    record Node(String id, String label, String kind, int x, int y) {}

    record Edge(String path, boolean implicit) {}

    static FlowDiagram of(FlowDefinition def) {
        List<StepDefinition> steps = def.steps();
        Map<String, Integer> column = new HashMap<>();
        Map<String, List<String>> preds = new HashMap<>();
        Map<String, Boolean> implicit = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            List<String> p = s.dependsOn().stream().filter(column::containsKey).toList();
            boolean guessed = p.isEmpty() && i > 0;
            if (guessed) {
                p = List.of(steps.get(i - 1).id());
            }
            preds.put(s.id(), p);
            implicit.put(s.id(), guessed);
            column.put(s.id(), p.stream().mapToInt(column::get).max().orElse(-1) + 1);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        List<Node> ordered = new ArrayList<>();
        for (StepDefinition s : steps) {
            int col = column.get(s.id());
            int row = rows.merge(col, 1, Integer::sum) - 1;
            Node n = new Node(s.id(), shorten(s.id(), 20), shorten(kindLabel(s), 24), PAD + col * (W + GAP_X),
                    PAD + row * (H + GAP_Y));
            nodes.put(s.id(), n);
            ordered.add(n);
        }
        List<Edge> edges = new ArrayList<>();
        for (StepDefinition s : steps) {
            Node to = nodes.get(s.id());
            for (String p : preds.get(s.id())) {
                Node from = nodes.get(p);
                int x1 = from.x() + W;
                int y1 = from.y() + H / 2;
                int x2 = to.x() - 6;
                int y2 = to.y() + H / 2;
                int mid = (x1 + x2) / 2;
                edges.add(new Edge("M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2,
                        implicit.get(s.id())));
            }
        }
        int cols = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int maxRows = rows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return new FlowDiagram(2 * PAD + cols * W + (cols - 1) * GAP_X, 2 * PAD + maxRows * H + (maxRows - 1) * GAP_Y,
                ordered, edges);
    }

    private static String kindLabel(StepDefinition s) {
        String spec = s.specText();
        return s.isForeach() ? "foreach" : spec == null || s.kind().equals("gate") ? s.kind() : s.kind() + ": " + spec;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** As maps for the template. */
    Map<String, Object> model() {
        return Map.of("width", width, "height", height, "w", W, "h", H,
                "nodes", nodes.stream().map(n -> Map.<String, Object>of("id", n.id(), "label", n.label(), "kind", n.kind(),
                        "x", n.x(), "y", n.y(), "tx", n.x() + 10, "ty", n.y() + 19, "ky", n.y() + 36)).toList(),
                "edges", edges.stream().map(e -> Map.<String, Object>of("path", e.path(), "implicit", e.implicit())).toList());
    }
}
