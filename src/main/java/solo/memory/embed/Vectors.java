package solo.memory.embed;

/** Small vector helpers; the heavy lifting (HNSW, SIMD dot products) is Lucene's. */
public final class Vectors {
    private Vectors() {}

    /** Returns a unit-length copy, so that dot product equals cosine similarity. */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float[] out = v.clone();
        if (sum == 0) {
            return out;
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
