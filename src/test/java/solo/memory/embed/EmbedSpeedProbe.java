package solo.memory.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EmbedSpeedProbe {
    @Test
    void probe() {
        for (EmbeddingModels m : EmbeddingModels.values()) {
            long t0 = System.nanoTime();
            Embedder e = m.load(Executors.newFixedThreadPool(2));
            long t1 = System.nanoTime();
            String q = "When did Caroline go to the LGBTQ support group with her friends?";
            for (int i = 0; i < 20; i++) e.embedQuery(q + i);
            List<Long> ts = new ArrayList<>();
            for (int i = 0; i < 200; i++) { long a = System.nanoTime(); e.embedQuery(q + " " + i); ts.add(System.nanoTime() - a); }
            ts.sort(null);
            List<String> passages = new ArrayList<>();
            for (int i = 0; i < 200; i++) passages.add("I went to a LGBTQ support group yesterday and it was so powerful. The transgender stories were so inspiring! I was so happy and thankful for all the support number " + i);
            long p0 = System.nanoTime();
            e.embedPassages(passages);
            long p1 = System.nanoTime();
            System.out.printf("%s load=%dms query p50=%.2fms p95=%.2fms passages/s=%.1f%n", m, (t1 - t0) / 1_000_000,
                ts.get(100) / 1e6, ts.get(190) / 1e6, 200 / ((p1 - p0) / 1e9));
        }
    }
}
