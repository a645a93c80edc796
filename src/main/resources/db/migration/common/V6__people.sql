-- People: the persons behind the handles, their accounts on each network, and the history of
-- what passed between them and the workspace.

CREATE TABLE people (
  id                  VARCHAR(36) PRIMARY KEY,
  workspace_id        VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  display_name        VARCHAR(300) NOT NULL,
  named_by_member     BOOLEAN NOT NULL DEFAULT FALSE, -- a name a member gave is not replaced by the network's
  website             VARCHAR(2000) NOT NULL DEFAULT '',
  how_we_met          VARCHAR(2000) NOT NULL DEFAULT '',
  time_zone           VARCHAR(60) NOT NULL DEFAULT '',
  cadence_days        INTEGER CHECK (cadence_days BETWEEN 1 AND 3650), -- keep in touch every so many days, or not at all
  last_interaction_at BIGINT, -- the newest interaction in either direction; resets keeping in touch
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);
-- The list sorted by recent interaction.
CREATE INDEX people_by_recent ON people (workspace_id, last_interaction_at);
-- The reconnect list looks only at people with a cadence.
CREATE INDEX people_with_cadence ON people (workspace_id, cadence_days) WHERE cadence_days IS NOT NULL;

-- One account of a person on one network, as it looks now. An account belongs to one person per workspace.
CREATE TABLE person_identities (
  id             VARCHAR(36) PRIMARY KEY,
  person_id      VARCHAR(36) NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  workspace_id   VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  network        VARCHAR(20) NOT NULL CHECK (network IN ('mastodon', 'bluesky')),
  remote_id      VARCHAR(300) NOT NULL,
  handle         VARCHAR(300) NOT NULL,
  display_name   VARCHAR(300) NOT NULL DEFAULT '',
  bio_html       TEXT NOT NULL DEFAULT '', -- sanitised by the networks capability; still shown escaped
  bio_text       TEXT NOT NULL DEFAULT '',
  bio_changed_at BIGINT, -- when a bio different from the one before was first seen
  avatar_url     VARCHAR(2000) NOT NULL DEFAULT '',
  profile_url    VARCHAR(2000) NOT NULL DEFAULT '',
  first_seen_at  BIGINT NOT NULL,
  last_seen_at   BIGINT NOT NULL,
  UNIQUE (workspace_id, network, remote_id)
);
CREATE INDEX person_identities_by_person ON person_identities (person_id);

-- What passed between a person and the workspace: 'in' is theirs, 'out' ours (member_id says who).
CREATE TABLE interactions (
  id               VARCHAR(36) PRIMARY KEY,
  workspace_id     VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  person_id        VARCHAR(36) NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  identity_id      VARCHAR(36) REFERENCES person_identities (id) ON DELETE SET NULL,
  channel_id       VARCHAR(36), -- the workspace's account it happened on, if any
  direction        VARCHAR(3) NOT NULL CHECK (direction IN ('in', 'out')),
  kind             VARCHAR(20) NOT NULL CHECK (kind IN ('followed', 'unfollowed', 'mentioned', 'replied', 'messaged',
                     'favourited', 'reposted', 'quoted', 'greeted', 'manual')),
  network_event_id VARCHAR(36) UNIQUE, -- one interaction per network event, however often it is delivered
  member_id        VARCHAR(36), -- who acted, for 'out'
  text             VARCHAR(2000) NOT NULL DEFAULT '', -- an excerpt, untrusted
  url              VARCHAR(2000) NOT NULL DEFAULT '',
  occurred_at      BIGINT NOT NULL,
  created_at       BIGINT NOT NULL
);
-- A person's timeline and strength; the workspace's figures over a time range.
CREATE INDEX interactions_by_person ON interactions (person_id, occurred_at);
CREATE INDEX interactions_by_workspace ON interactions (workspace_id, occurred_at);

CREATE TABLE person_notes (
  id           VARCHAR(36) PRIMARY KEY,
  person_id    VARCHAR(36) NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  member_id    VARCHAR(36) NOT NULL,
  body         TEXT NOT NULL, -- markdown as written
  created_at   BIGINT NOT NULL
);
CREATE INDEX person_notes_by_person ON person_notes (person_id, id);
CREATE INDEX person_notes_by_workspace ON person_notes (workspace_id);

CREATE TABLE person_tags (
  person_id    VARCHAR(36) NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  tag          VARCHAR(60) NOT NULL, -- stored lower-case
  PRIMARY KEY (person_id, tag)
);
CREATE INDEX person_tags_by_tag ON person_tags (workspace_id, tag);
