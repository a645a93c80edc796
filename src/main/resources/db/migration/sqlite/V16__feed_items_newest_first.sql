-- All items newest first, for a search whose words are common: walking this index stops as
-- soon as a page is full, where sorting every match would touch them all.
CREATE INDEX feed_items_by_published ON feed_items (published_at, id);
