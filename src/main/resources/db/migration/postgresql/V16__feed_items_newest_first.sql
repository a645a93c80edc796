-- All items newest first, for a search whose words are common: walking this index stops as
-- soon as a page is full, where sorting every match would touch them all.
CREATE INDEX feed_items_by_published ON feed_items (published_at, id);
-- The planner walks that index only when it expects a word to be common. It knows how common
-- the words of its statistics are and guesses half the least common of them for any other, so
-- with the default hundred (a thousand words) a rare word looked as common as the thousandth,
-- and a search for it walked a million items (4 s); ten times the statistics keep such a guess low.
ALTER TABLE feed_items ALTER COLUMN search SET STATISTICS 1000;
