-- The humanity rules: words to one person go out only as a person's own act.

-- A token may send personal messages (replies, mentions, direct messages, likes, reposts) only
-- when a person created it with this scope in a browser session.
ALTER TABLE api_tokens ADD COLUMN personal_messages BOOLEAN NOT NULL DEFAULT FALSE;

-- Every personal act done with a token, for the owners to see.
CREATE TABLE personal_act_audit (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token_id     VARCHAR(36) NOT NULL,
  member_id    VARCHAR(36) NOT NULL,
  action       VARCHAR(40) NOT NULL,
  target       VARCHAR(300) NOT NULL DEFAULT '',
  at           BIGINT NOT NULL
);
CREATE INDEX personal_act_audit_by_workspace ON personal_act_audit (workspace_id, at);

-- What members sent to one person: once per idempotency key, and the fingerprint of the text
-- (names taken out) finds a form letter sent to someone else.
CREATE TABLE personal_messages (
  id                  VARCHAR(36) PRIMARY KEY,
  workspace_id        VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id          VARCHAR(36) NOT NULL,
  member_id           VARCHAR(36) NOT NULL,
  kind                VARCHAR(10) NOT NULL CHECK (kind IN ('reply', 'mention', 'direct', 'like', 'repost')),
  greeting            BOOLEAN NOT NULL DEFAULT FALSE,
  recipient_remote_id VARCHAR(300) NOT NULL,
  recipient_handle    VARCHAR(300) NOT NULL DEFAULT '',
  text                TEXT NOT NULL DEFAULT '',
  fingerprint         VARCHAR(64), -- null for likes and reposts
  reply_to            VARCHAR(500),
  idempotency_key     VARCHAR(200) NOT NULL,
  remote_id           VARCHAR(500),
  url                 VARCHAR(2000),
  sent_at             BIGINT NOT NULL,
  UNIQUE (channel_id, idempotency_key)
);
CREATE INDEX personal_messages_by_fingerprint ON personal_messages (workspace_id, fingerprint, sent_at);
