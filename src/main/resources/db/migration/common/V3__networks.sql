-- Connected network accounts. Credentials are sealed with the platform's SecretBox (AES-GCM,
-- bound to the channel id). Disconnecting erases the credentials and keeps the history.
CREATE TABLE channels (
  id                 VARCHAR(36) PRIMARY KEY,
  workspace_id       VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  network            VARCHAR(20) NOT NULL CHECK (network IN ('mastodon', 'bluesky')),
  remote_id          VARCHAR(300) NOT NULL,
  handle             VARCHAR(300) NOT NULL,
  display_name       VARCHAR(300) NOT NULL DEFAULT '',
  avatar_url         VARCHAR(2000) NOT NULL DEFAULT '',
  profile_url        VARCHAR(2000) NOT NULL DEFAULT '',
  service_url        VARCHAR(2000) NOT NULL,
  credentials        TEXT NOT NULL,
  status             VARCHAR(20) NOT NULL DEFAULT 'connected'
                       CHECK (status IN ('connected', 'needs_reconnect', 'rate_limited', 'error', 'disconnected')),
  status_detail      VARCHAR(1000) NOT NULL DEFAULT '',
  rate_limited_until BIGINT,
  last_sync_at       BIGINT,
  activity_state     VARCHAR(1000),
  followers_cursor   VARCHAR(1000),
  followers_imported BIGINT NOT NULL DEFAULT 0,
  import_done        BOOLEAN NOT NULL DEFAULT FALSE,
  failures           INTEGER NOT NULL DEFAULT 0, -- consecutive failed syncs, for the backoff
  relist_cursor      VARCHAR(1000), -- the periodic full follower listing that finds who left
  relist_started_at  BIGINT,
  relisted_at        BIGINT,
  created_at         BIGINT NOT NULL,
  UNIQUE (workspace_id, network, remote_id)
);

-- Who follows each account now: the truth that FollowerGained / FollowerLost are derived from.
CREATE TABLE channel_followers (
  channel_id VARCHAR(36) NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  actor_id   VARCHAR(300) NOT NULL,
  since      BIGINT NOT NULL,
  seen_at    BIGINT NOT NULL, -- last follower listing that contained them
  PRIMARY KEY (channel_id, actor_id)
);

-- The normalised event log, one row per remote item (unique per channel).
CREATE TABLE network_events (
  id               VARCHAR(36) PRIMARY KEY,
  workspace_id     VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id       VARCHAR(36) NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  network          VARCHAR(20) NOT NULL,
  type             VARCHAR(30) NOT NULL,
  remote_id        VARCHAR(500) NOT NULL,
  backfill         BOOLEAN NOT NULL DEFAULT FALSE,
  actor_id         VARCHAR(300) NOT NULL,
  actor_handle     VARCHAR(300) NOT NULL,
  actor_name       VARCHAR(300) NOT NULL DEFAULT '',
  actor_bio_html   TEXT NOT NULL DEFAULT '',
  actor_bio_text   TEXT NOT NULL DEFAULT '',
  actor_avatar     VARCHAR(2000) NOT NULL DEFAULT '',
  actor_url        VARCHAR(2000) NOT NULL DEFAULT '',
  post_id          VARCHAR(500),
  post_url         VARCHAR(2000),
  post_text        TEXT,
  post_lang        VARCHAR(20),
  post_created_at  BIGINT,
  post_reply_to    VARCHAR(500),
  post_thread_root VARCHAR(500),
  occurred_at      BIGINT NOT NULL,
  recorded_at      BIGINT NOT NULL,
  UNIQUE (channel_id, remote_id)
);
CREATE INDEX network_events_by_workspace ON network_events (workspace_id, id);
CREATE INDEX network_events_by_channel ON network_events (channel_id, id);

-- What a publish created, per idempotency key and part: a retry returns it, a thread resumes after it.
CREATE TABLE published_parts (
  channel_id      VARCHAR(36) NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  idempotency_key VARCHAR(200) NOT NULL,
  part            INTEGER NOT NULL,
  remote_id       VARCHAR(500) NOT NULL,
  url             VARCHAR(2000) NOT NULL,
  published_at    BIGINT NOT NULL,
  PRIMARY KEY (channel_id, idempotency_key, part)
);

-- Things the owners of a workspace must know (a channel needs reconnecting); the inbox shows them.
CREATE TABLE owner_notifications (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind         VARCHAR(40) NOT NULL,
  subject_id   VARCHAR(36),
  text         VARCHAR(1000) NOT NULL,
  created_at   BIGINT NOT NULL,
  read_at      BIGINT
);
CREATE INDEX owner_notifications_by_workspace ON owner_notifications (workspace_id, created_at);

-- OAuth applications registered on Mastodon instances, one per instance and redirect address.
CREATE TABLE mastodon_apps (
  instance      VARCHAR(300) NOT NULL,
  redirect_uri  VARCHAR(2000) NOT NULL,
  client_id     VARCHAR(300) NOT NULL,
  client_secret TEXT NOT NULL,
  scopes        VARCHAR(500) NOT NULL,
  created_at    BIGINT NOT NULL,
  PRIMARY KEY (instance, redirect_uri)
);
