-- Full-text search of people and what the people list needs at 100,000 people.

-- One searchable document per person, written by the application (PersonSearch) from the
-- person's name, accounts, tags, bios and notes, folded to lower case without accents and
-- punctuation, with the 'simple' configuration (no stemming, no stop words: names and handles
-- are not English). Weights: name and accounts A, tags B, bios C, notes D.
CREATE TABLE person_search (
  person_id    VARCHAR(36) PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  workspace_id VARCHAR(36) NOT NULL,
  document     TSVECTOR NOT NULL
);
CREATE INDEX person_search_documents ON person_search USING GIN (document);
-- Existing people are indexed by the application when it starts (PersonSearch.indexMissing).

-- When the person's latest two-way conversation was answered (the rule of genuine relationships),
-- kept by InteractionStore as interactions arrive or go, so that the workspace's figure is a count.
ALTER TABLE people ADD COLUMN last_conversation_at BIGINT;
UPDATE people SET last_conversation_at = (
  SELECT MAX(b.occurred_at) FROM interactions b
   WHERE b.person_id = people.id
     AND (b.kind = 'manual' OR (b.kind IN ('mentioned', 'replied', 'messaged', 'greeted') AND EXISTS (
          SELECT 1 FROM interactions a
           WHERE a.person_id = b.person_id AND a.kind IN ('mentioned', 'replied', 'messaged', 'greeted') AND a.direction <> b.direction
             AND a.occurred_at <= b.occurred_at AND a.occurred_at >= b.occurred_at - 604800000))));
CREATE INDEX people_by_conversation ON people (workspace_id, last_conversation_at);

-- The first page of the list in each order, read from an index rather than sorted.
DROP INDEX people_by_recent;
CREATE INDEX people_by_recent ON people (workspace_id, last_interaction_at DESC NULLS LAST, id DESC);
CREATE INDEX people_by_name ON people (workspace_id, LOWER(display_name), id);
-- The reconnect list, most overdue first: the due time as PersonStore.reconnect writes it.
DROP INDEX people_with_cadence;
CREATE INDEX people_by_due ON people (workspace_id, (COALESCE(last_interaction_at, created_at) + cadence_days * CAST(86400000 AS BIGINT)), id)
  WHERE cadence_days IS NOT NULL;

-- Each person's strength as last computed (JSON of org.socius.people.Strength) and when, so a
-- list of the most active people does not read thousands of interactions per request. Cleared
-- whenever the person's interactions change; recomputed when older than an hour (time alone
-- moves a score by decay only: 0.1 % an hour with a half-life of 30 days).
ALTER TABLE people ADD COLUMN strength_json TEXT;
ALTER TABLE people ADD COLUMN strength_at BIGINT;
