-- Two people found to be one: what moved where, so that the merge can be undone.
CREATE TABLE person_merges (
  id              VARCHAR(36) PRIMARY KEY,
  workspace_id    VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kept_id         VARCHAR(36) NOT NULL,
  merged_id       VARCHAR(36) NOT NULL, -- the person removed by the merge, re-created by an undo
  snapshot        TEXT NOT NULL, -- JSON: the removed person's details and tags
  identity_ids    TEXT NOT NULL, -- JSON arrays of what moved to the kept person
  interaction_ids TEXT NOT NULL,
  note_ids        TEXT NOT NULL,
  added_tags      TEXT NOT NULL, -- tags the kept person gained
  merged_by       VARCHAR(36) NOT NULL,
  merged_at       BIGINT NOT NULL,
  undone_at       BIGINT
);
CREATE INDEX person_merges_by_kept ON person_merges (workspace_id, kept_id);
