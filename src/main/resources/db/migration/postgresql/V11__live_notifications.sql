-- Live notifications: what each node pushes to the open pages, and each member's choices.
-- (Vendor folders only because of the id column; the rest is the same on both databases.)

-- Inbox news for the open pages of a workspace. Every node reads new rows by id about once a
-- second and pushes them to the browsers connected to it, so an item stored on one node reaches
-- a page open on another; a browser that reconnects names the last id it saw and gets the rest.
-- Rows are pruned after a day.
CREATE TABLE live_events (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- appended under a lock, so ids commit in order
  workspace_id VARCHAR(36) NOT NULL,
  member_id    VARCHAR(36), -- only for this member (an assignment), or null for every member
  kind         VARCHAR(20) NOT NULL,
  payload      TEXT NOT NULL, -- JSON
  created_at   BIGINT NOT NULL
);
-- a reconnecting browser asks for its workspace after an id
CREATE INDEX live_events_by_workspace ON live_events (workspace_id, id);
CREATE INDEX live_events_by_time ON live_events (created_at);

-- A member's notification choices in one workspace; no row means the defaults.
CREATE TABLE notification_settings (
  member_id        VARCHAR(36) PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  workspace_id     VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  on_screen        BOOLEAN NOT NULL, -- show browser notifications
  mention          BOOLEAN NOT NULL,
  reply            BOOLEAN NOT NULL,
  direct_message   BOOLEAN NOT NULL,
  new_follower     BOOLEAN NOT NULL,
  assigned         BOOLEAN NOT NULL,
  quiet_start      INTEGER, -- minute of the day, in time_zone; both null: no quiet hours
  quiet_end        INTEGER,
  time_zone        VARCHAR(60), -- null: the workspace's
  digest           BOOLEAN NOT NULL,
  digest_hour      INTEGER NOT NULL CHECK (digest_hour BETWEEN 0 AND 23),
  digest_sent_on   VARCHAR(10), -- the member's local date of the last digest (claimed before sending)
  updated_at       BIGINT NOT NULL
);
CREATE INDEX notification_settings_digest ON notification_settings (digest, workspace_id);
