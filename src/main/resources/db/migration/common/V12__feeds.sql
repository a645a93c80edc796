-- Feeds: each feed is a public upstream resource, stored and fetched once per address however
-- many workspaces read it; a workspace's subscriptions, categories and its members' read and
-- starred state point at it.

CREATE TABLE feeds (
  id               VARCHAR(36) PRIMARY KEY,
  url              VARCHAR(2000) NOT NULL UNIQUE,
  host             VARCHAR(300) NOT NULL, -- for the per-host limit and spread
  title            VARCHAR(500) NOT NULL DEFAULT '',
  site_url         VARCHAR(2000) NOT NULL DEFAULT '',
  description      VARCHAR(2000) NOT NULL DEFAULT '',
  image_url        VARCHAR(2000) NOT NULL DEFAULT '',
  author           VARCHAR(300) NOT NULL DEFAULT '', -- the feed's own author, for credit
  author_uri       VARCHAR(2000) NOT NULL DEFAULT '',
  format           VARCHAR(20) NOT NULL DEFAULT '',
  etag             VARCHAR(500),
  last_modified    VARCHAR(100),
  interval_seconds INTEGER NOT NULL, -- from the feed's posting frequency, between the minimum and a day
  next_fetch_at    BIGINT NOT NULL,
  last_fetched_at  BIGINT,
  last_success_at  BIGINT,
  error_count      INTEGER NOT NULL DEFAULT 0, -- failures in a row; backoff grows with it, the feed is never dropped
  last_error       VARCHAR(1000), -- in words, for the feed's page
  created_at       BIGINT NOT NULL
);

-- Items of a feed, deduplicated by guid, else link, else content hash, and updated in place.
CREATE TABLE feed_items (
  id            VARCHAR(36) PRIMARY KEY,
  feed_id       VARCHAR(36) NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  guid          VARCHAR(2000),
  url           VARCHAR(2000),
  content_hash  VARCHAR(64) NOT NULL,
  title         VARCHAR(1000) NOT NULL DEFAULT '',
  author        VARCHAR(500) NOT NULL DEFAULT '',
  author_uri    VARCHAR(2000) NOT NULL DEFAULT '',
  summary       TEXT NOT NULL DEFAULT '', -- sanitised HTML
  content       TEXT NOT NULL DEFAULT '', -- sanitised HTML
  image_url     VARCHAR(2000) NOT NULL DEFAULT '',
  categories    VARCHAR(2000) NOT NULL DEFAULT '',
  published_at  BIGINT NOT NULL, -- published, else updated, else first seen: the reading order
  updated_at    BIGINT,
  first_seen_at BIGINT NOT NULL
);
-- Reading a feed newest first; pruning the oldest beyond the history kept.
CREATE INDEX feed_items_by_feed ON feed_items (feed_id, published_at);
-- Dedup lookups at refresh load one feed's keys at once, through the index above.

CREATE TABLE feed_subscriptions (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  feed_id      VARCHAR(36) NOT NULL REFERENCES feeds (id),
  title        VARCHAR(500) NOT NULL DEFAULT '', -- the workspace's own name for it; '' shows the feed's
  created_at   BIGINT NOT NULL,
  UNIQUE (workspace_id, feed_id)
);
CREATE INDEX feed_subscriptions_by_feed ON feed_subscriptions (feed_id);

CREATE TABLE feed_categories (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name         VARCHAR(100) NOT NULL,
  UNIQUE (workspace_id, name)
);

-- A subscription may sit in several categories.
CREATE TABLE feed_subscription_categories (
  subscription_id VARCHAR(36) NOT NULL REFERENCES feed_subscriptions (id) ON DELETE CASCADE,
  category_id     VARCHAR(36) NOT NULL REFERENCES feed_categories (id) ON DELETE CASCADE,
  PRIMARY KEY (subscription_id, category_id)
);
CREATE INDEX feed_subscription_categories_by_category ON feed_subscription_categories (category_id);

-- Each member's own read and starred state: a team shares subscriptions, not unread counts.
CREATE TABLE feed_item_states (
  member_id    VARCHAR(36) NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  item_id      VARCHAR(36) NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  read_at      BIGINT,
  starred_at   BIGINT, -- starred items are kept whatever the history limit
  PRIMARY KEY (member_id, item_id)
);
CREATE INDEX feed_item_states_by_item ON feed_item_states (item_id);
