package com.answerloop.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;

/**
 * A sentence model ({@link SentenceModel}, from its Maven Central jar) in an ONNX Runtime session whose threads suit a
 * server.
 *
 * <p>The jar's own model class runs every inference on a pool of one thread per core whose threads spin for a while
 * after each run, waiting for more work. In a portal that pool competes with the search threads: on two cores an
 * embedded query cost about twice its CPU time in spinning (docs/performance.md, "Query embeddings and the model's
 * threads"). Here the spinning is off, and the number of threads per inference is chosen by the caller: one for
 * queries, which already run concurrently on the search threads, all cores for passages, which a rebuild embeds one
 * after another on its writing thread.
 */
final class OnnxSentenceModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;

    private OnnxSentenceModel(OnnxBertBiEncoder encoder) {
        // a list of texts is embedded on the calling thread, one after another: the session's threads do the rest
        super(Runnable::run);
        this.encoder = encoder;
    }

    /** The model's bytes, read once and shared by every session made from them. */
    static byte[] modelBytes(SentenceModel model) throws IOException {
        try (InputStream in = resource(model, model.modelFile())) {
            return in.readAllBytes();
        }
    }

    /** @param threads the threads one inference may use */
    static OnnxSentenceModel load(SentenceModel model, byte[] modelBytes, int threads)
            throws OrtException, IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizer = resource(model, model.tokenizerFile())) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ONNX Runtime's documented session key: idle model threads sleep instead of taking a core from searches
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelBytes, options);
            return new OnnxSentenceModel(new OnnxBertBiEncoder(environment, session, tokenizer, model.pooling()));
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return SentenceModel.DIMENSIONS;
    }

    private static InputStream resource(SentenceModel model, String name) throws IOException {
        InputStream in = OnnxSentenceModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (" + model.artifact() + ")");
        }
        return in;
    }
}
