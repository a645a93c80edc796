-- A new follower becomes a card that a person answers in their own words, or closes.
CREATE TABLE greet_cards (
  id               VARCHAR(36) PRIMARY KEY,
  workspace_id     VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id       VARCHAR(36) NOT NULL,
  network          VARCHAR(20) NOT NULL,
  network_event_id VARCHAR(36) NOT NULL UNIQUE, -- one card per follow, however often it is delivered
  actor_remote_id  VARCHAR(300) NOT NULL,
  actor_handle     VARCHAR(300) NOT NULL,
  actor_name       VARCHAR(300) NOT NULL DEFAULT '',
  bio_text         TEXT NOT NULL DEFAULT '', -- untrusted, shown escaped
  avatar_url       VARCHAR(2000) NOT NULL DEFAULT '',
  profile_url      VARCHAR(2000) NOT NULL DEFAULT '',
  state            VARCHAR(10) NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'sent', 'elsewhere', 'skipped')),
  closed_by        VARCHAR(36), -- the member who sent or closed it
  closed_at        BIGINT,
  sent_url         VARCHAR(2000),
  followed_at      BIGINT NOT NULL,
  created_at       BIGINT NOT NULL
);
CREATE INDEX greet_cards_open ON greet_cards (workspace_id, state, followed_at);
