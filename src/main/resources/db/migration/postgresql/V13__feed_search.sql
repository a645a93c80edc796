-- Full-text search over feed items (title, author, summary, content): a stored tsvector with a
-- GIN index. The 'simple' configuration does not stem, so it serves feeds in every language alike.
ALTER TABLE feed_items ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(author, '')), 'B')
  || to_tsvector('simple', coalesce(summary, '') || ' ' || coalesce(content, ''))) STORED;
CREATE INDEX feed_items_search ON feed_items USING GIN (search);
