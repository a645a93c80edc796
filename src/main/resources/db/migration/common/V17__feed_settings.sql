-- Feeds settings of a workspace: how the article view shows the remote images of items, and the
-- key that signs the addresses of the image proxy (random per workspace, sealed with the
-- installation's secret key, so a signed address works only in its own workspace).
CREATE TABLE feed_settings (
  workspace_id VARCHAR(36) PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  images       VARCHAR(10) NOT NULL DEFAULT 'proxy' CHECK (images IN ('proxy', 'block', 'direct')),
  image_key    VARCHAR(200) NOT NULL,
  updated_at   BIGINT NOT NULL
);
