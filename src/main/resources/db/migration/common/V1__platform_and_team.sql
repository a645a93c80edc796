-- Instants are stored as epoch milliseconds (BIGINT) on every database, so one SQL text serves
-- SQLite and PostgreSQL. Ids are time-ordered UUIDs as text.

CREATE TABLE platform_settings (
  name  VARCHAR(100) PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row once the owner has been created: the first-run setup can happen only once, even
-- when two browsers submit it at the same moment (the primary key decides).
CREATE TABLE installation (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  completed_at BIGINT NOT NULL
);

CREATE TABLE users (
  id                  VARCHAR(36) PRIMARY KEY,
  email               VARCHAR(320) NOT NULL UNIQUE, -- stored lower-case
  name                VARCHAR(200) NOT NULL,
  password_hash       VARCHAR(200) NOT NULL,
  theme               VARCHAR(10) NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
  created_at          BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

CREATE TABLE workspaces (
  id          VARCHAR(36) PRIMARY KEY,
  slug        VARCHAR(60) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(10) NOT NULL CHECK (kind IN ('brand', 'person')),
  time_zone   VARCHAR(60) NOT NULL,
  locale      VARCHAR(35) NOT NULL,
  public_page BOOLEAN NOT NULL DEFAULT FALSE,
  created_at  BIGINT NOT NULL
);

-- A user's membership of a workspace, with the member's profile for that workspace (a person
-- may sign differently for two brands).
CREATE TABLE members (
  id            VARCHAR(36) PRIMARY KEY,
  workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id       VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role          VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  display_name  VARCHAR(200) NOT NULL,
  bio           VARCHAR(1000) NOT NULL DEFAULT '',
  signature     VARCHAR(40) NOT NULL DEFAULT '',
  show_publicly BOOLEAN NOT NULL DEFAULT FALSE,
  has_avatar    BOOLEAN NOT NULL DEFAULT FALSE,
  joined_at     BIGINT NOT NULL,
  UNIQUE (workspace_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE invitations (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token_hash   VARCHAR(64) NOT NULL UNIQUE,
  role         VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  note         VARCHAR(200) NOT NULL DEFAULT '',
  created_by   VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,
  accepted_by  VARCHAR(36) REFERENCES users (id) ON DELETE SET NULL,
  accepted_at  BIGINT
);
CREATE INDEX invitations_by_workspace ON invitations (workspace_id, created_at);
CREATE INDEX invitations_by_expiry ON invitations (expires_at);

CREATE TABLE api_tokens (
  id           VARCHAR(36) PRIMARY KEY,
  workspace_id VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id      VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         VARCHAR(100) NOT NULL,
  role         VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  token_hash   VARCHAR(64) NOT NULL UNIQUE,
  hint         VARCHAR(12) NOT NULL, -- the first characters, so a person can tell tokens apart
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
CREATE INDEX api_tokens_by_member ON api_tokens (workspace_id, user_id);

-- Failed sign-ins, counted per e-mail address and per client address for the rate limit;
-- rows older than the window are removed by the housekeeping job.
CREATE TABLE signin_failures (
  subject   VARCHAR(400) NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX signin_failures_by_subject ON signin_failures (subject, failed_at);

-- What the background jobs did, one row per execution (shown to operators, checked by tests
-- that a job ran exactly once across nodes).
CREATE TABLE job_runs (
  id             VARCHAR(36) PRIMARY KEY,
  task           VARCHAR(100) NOT NULL,
  instance       VARCHAR(100) NOT NULL,
  execution_time BIGINT NOT NULL,
  node           VARCHAR(100) NOT NULL,
  finished_at    BIGINT NOT NULL,
  summary        VARCHAR(1000) NOT NULL
);
CREATE INDEX job_runs_by_task ON job_runs (task, finished_at);
