-- Captured and promoted articles used to carry the tags "captured" and "community" to record where they came from.
-- Tags are public (article page, search facets, API); the origin is in capture_sources, so the tags go.
DELETE FROM article_tags
WHERE tag IN ('captured', 'community')
  AND article_id IN (SELECT a.id FROM articles a JOIN capture_sources s ON s.article_slug = a.slug);

-- One capture per case: look a case's capture up by its reference.
CREATE INDEX ix_capture_sources_reference ON capture_sources (kind, reference);
