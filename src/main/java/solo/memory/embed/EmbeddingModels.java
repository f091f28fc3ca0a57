package solo.memory.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The in-process models memory can use; both ship inside a Maven artifact, so nothing is downloaded. */
public enum EmbeddingModels {
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", 384, BgeSmallEnV15QuantizedEmbeddingModel::new),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, AllMiniLmL6V2QuantizedEmbeddingModel::new);

    private final String modelName;
    private final int dimension;
    private final Function<Executor, EmbeddingModel> factory;

    EmbeddingModels(String modelName, int dimension, Function<Executor, EmbeddingModel> factory) {
        this.modelName = modelName;
        this.dimension = dimension;
        this.factory = factory;
    }

    public String modelName() {
        return modelName;
    }

    public int dimension() {
        return dimension;
    }

    /** Loads the model (a few hundred milliseconds: the ONNX graph is read from the jar). */
    public Embedder load(Executor executor) {
        return new OnnxEmbedder(modelName, dimension, factory.apply(executor));
    }

    public static EmbeddingModels byName(String name) {
        for (EmbeddingModels m : values()) {
            if (m.modelName.equals(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown embedding model: " + name);
    }
}
