-- Images of a post (up to 4), attached to its first part on every channel.
CREATE TABLE post_images (
  id        VARCHAR(36) PRIMARY KEY,
  post_id   VARCHAR(36) NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  mime_type VARCHAR(40) NOT NULL,
  alt       VARCHAR(2000) NOT NULL DEFAULT '',
  size      INTEGER NOT NULL,
  bytes     BYTEA NOT NULL
);
CREATE INDEX post_images_by_post ON post_images (post_id, position);
