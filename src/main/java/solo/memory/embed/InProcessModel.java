package solo.memory.embed;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.util.concurrent.Executor;

/** LangChain4j's in-process model over an encoder whose ONNX session we configured ourselves. */
final class InProcessModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    InProcessModel(Executor executor, OnnxBertBiEncoder encoder, int dimension) {
        super(executor);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
