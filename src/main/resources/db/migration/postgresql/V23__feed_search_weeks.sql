-- The week of publication as one more lexeme of the search vector, 'week N' (N weeks after
-- 1970-01-01; no word of a search can hold a space, so none can match it). The GIN index then
-- finds a word's matches within the latest weeks by itself, and a search asks for those first:
-- neither the index nor a walk of the items newest first could give a medium word's matches in
-- time order without reading thousands of rows.
DROP INDEX feed_items_search;
ALTER TABLE feed_items DROP COLUMN search;
ALTER TABLE feed_items ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(author, '')), 'B')
  || to_tsvector('simple', coalesce(summary, '') || ' ' || coalesce(content, ''))
  || array_to_tsvector(ARRAY['week ' || (published_at / 604800000)::text])) STORED;
CREATE INDEX feed_items_search ON feed_items USING GIN (search);
-- as V16 set it for the column this one replaces
ALTER TABLE feed_items ALTER COLUMN search SET STATISTICS 1000;
