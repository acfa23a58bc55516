-- Passage embeddings, computed once per passage text and model: a rebuild, a restart or a second node reads them
-- here instead of running the model again. The key is the SHA-256 of the passage text; the vector is the model's
-- unit-length output as little-endian 32-bit floats.
CREATE TABLE search_passage_embedding (
    model VARCHAR(100) NOT NULL,
    content_hash CHAR(64) NOT NULL,
    vector BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (model, content_hash)
);
