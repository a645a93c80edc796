-- Publishing: what a workspace posts, when, and what became of each delivery.

-- Workspace rules for publishing; a workspace without a row has the defaults.
CREATE TABLE publishing_settings (
  workspace_id         VARCHAR(36) PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  approval_required    BOOLEAN NOT NULL DEFAULT FALSE, -- editors' posts wait for an owner
  alt_text_required    BOOLEAN NOT NULL DEFAULT TRUE,
  signature_on_brand   BOOLEAN NOT NULL DEFAULT FALSE, -- the author's signature ends posts on a brand workspace
  own_limit_percent    INTEGER NOT NULL DEFAULT 33,    -- warn when own posts exceed this share of the next 7 days
  missed_after_minutes INTEGER NOT NULL DEFAULT 60,    -- later than this after its time, a post waits for a decision
  own_domains          VARCHAR(2000) NOT NULL DEFAULT '', -- comma-separated hosts whose links make a post "own"
  updated_at           BIGINT NOT NULL
);

-- Weekly posting slots of a channel, in the workspace's time zone (ISO day 1 = Monday).
CREATE TABLE posting_slots (
  channel_id    VARCHAR(36) NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  day_of_week   INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
  PRIMARY KEY (channel_id, day_of_week, minute_of_day)
);

-- A channel's queue that an owner paused: nothing of it goes out until it is resumed.
CREATE TABLE paused_queues (
  channel_id VARCHAR(36) PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  paused_by  VARCHAR(36) NOT NULL,
  paused_at  BIGINT NOT NULL
);

-- What a member composed once for one or more channels.
CREATE TABLE posts (
  id             VARCHAR(36) PRIMARY KEY,
  workspace_id   VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  author_id      VARCHAR(36) NOT NULL, -- member id
  text           TEXT NOT NULL,
  thread         BOOLEAN NOT NULL DEFAULT FALSE,
  kind           VARCHAR(5) NOT NULL CHECK (kind IN ('share', 'own')),
  kind_suggested VARCHAR(5) NOT NULL CHECK (kind_suggested IN ('share', 'own')),
  source_url     VARCHAR(2000),
  -- draft: being written; pending: waits for an owner; returned: sent back with a note; ready: scheduled or done
  stage          VARCHAR(10) NOT NULL CHECK (stage IN ('draft', 'pending', 'returned', 'ready')),
  timing         VARCHAR(5) NOT NULL CHECK (timing IN ('queue', 'at', 'now')), -- what the author asked for
  wanted_at      BIGINT, -- the time asked for when timing is 'at'
  approved_by    VARCHAR(36),
  approved_at    BIGINT,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL
);
CREATE INDEX posts_by_workspace ON posts (workspace_id, stage, id);

-- One post on one channel. Its id is the idempotency key given to the network (with the part number).
CREATE TABLE deliveries (
  id           VARCHAR(36) PRIMARY KEY,
  post_id      VARCHAR(36) NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id   VARCHAR(36) NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  parts        TEXT NOT NULL, -- JSON array of the texts as they will be sent, signature included
  custom_text  BOOLEAN NOT NULL DEFAULT FALSE,
  -- waiting: its post is not ready; scheduled; publishing: claimed, the network may have it;
  -- published; failed: refused for good, the reason says why; unknown: the last try ended without
  -- an answer and is retried with the same key; missed: too late after an outage, waits for a decision
  state        VARCHAR(10) NOT NULL
                 CHECK (state IN ('waiting', 'scheduled', 'publishing', 'published', 'failed', 'unknown', 'missed')),
  in_queue     BOOLEAN NOT NULL DEFAULT FALSE, -- holds a posting slot (can be reordered)
  due_at       BIGINT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  claimed_at   BIGINT,
  error        VARCHAR(2000) NOT NULL DEFAULT '',
  remote_id    VARCHAR(500),
  remote_url   VARCHAR(2000),
  published_at BIGINT,
  updated_at   BIGINT NOT NULL
);
CREATE INDEX deliveries_by_post ON deliveries (post_id);
CREATE INDEX deliveries_by_channel ON deliveries (channel_id, due_at);
CREATE INDEX deliveries_by_workspace ON deliveries (workspace_id, due_at);
CREATE INDEX deliveries_by_state ON deliveries (state, due_at);
-- A posting slot holds one queued post.
CREATE UNIQUE INDEX deliveries_one_per_slot ON deliveries (channel_id, due_at) WHERE in_queue AND state = 'scheduled';

-- Review of a post: comments, sending back with a note, approval.
CREATE TABLE post_notes (
  id         VARCHAR(36) PRIMARY KEY,
  post_id    VARCHAR(36) NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  member_id  VARCHAR(36) NOT NULL,
  kind       VARCHAR(10) NOT NULL CHECK (kind IN ('comment', 'returned', 'approved')),
  body       VARCHAR(2000) NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX post_notes_by_post ON post_notes (post_id, id);
