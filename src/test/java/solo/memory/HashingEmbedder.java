package solo.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import solo.memory.embed.Embedder;
import solo.memory.embed.Vectors;

/**
 * A tiny deterministic embedder for tests: words hashed into 64 buckets. Similar wording gives
 * similar vectors, which is all the index and ranking tests need, without loading a real model.
 */
public class HashingEmbedder implements Embedder {
    private static final int DIM = 64;

    @Override
    public float[] embedQuery(String text) {
        float[] v = new float[DIM];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), DIM)] += 1;
            }
        }
        v[0] += 0.01f; // never the zero vector
        return Vectors.normalize(v);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(embedQuery(t));
        }
        return out;
    }

    @Override
    public int dimension() {
        return DIM;
    }

    @Override
    public String name() {
        return "hashing-64";
    }
}
