package solo.memory.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** An {@link Embedder} over a LangChain4j in-process (ONNX) model. */
final class OnnxEmbedder implements Embedder {
    private final String name;
    private final int dimension;
    private final EmbeddingModel model;

    OnnxEmbedder(String name, int dimension, EmbeddingModel model) {
        this.name = name;
        this.dimension = dimension;
        this.model = model;
    }

    @Override
    public float[] embedQuery(String text) {
        return Vectors.normalize(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(Vectors.normalize(e.vector()));
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }
}
