-- Full-text search over feed items (title, author, summary, content) with FTS5, kept in step
-- with feed_items by triggers; the index holds no copy of the text (external content).
CREATE VIRTUAL TABLE feed_items_fts USING fts5(title, author, summary, content, content='feed_items', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER feed_items_fts_insert AFTER INSERT ON feed_items BEGIN
  INSERT INTO feed_items_fts (rowid, title, author, summary, content) VALUES (new.rowid, new.title, new.author, new.summary, new.content);
END;
CREATE TRIGGER feed_items_fts_delete AFTER DELETE ON feed_items BEGIN
  INSERT INTO feed_items_fts (feed_items_fts, rowid, title, author, summary, content)
  VALUES ('delete', old.rowid, old.title, old.author, old.summary, old.content);
END;
CREATE TRIGGER feed_items_fts_update AFTER UPDATE ON feed_items BEGIN
  INSERT INTO feed_items_fts (feed_items_fts, rowid, title, author, summary, content)
  VALUES ('delete', old.rowid, old.title, old.author, old.summary, old.content);
  INSERT INTO feed_items_fts (rowid, title, author, summary, content) VALUES (new.rowid, new.title, new.author, new.summary, new.content);
END;
INSERT INTO feed_items_fts (feed_items_fts) VALUES ('rebuild');
