-- The next free start per feed host, shared by every node on this database, so that the spacing
-- of fetches from one host holds across nodes (HostTurnStore takes a turn with one upsert).
-- SQLite runs one node, which keeps these turns in memory. A row whose next_at is long past
-- means the same as no row, so rows of hosts unused for a day are deleted when found.
CREATE TABLE feed_host_turns (
  host    VARCHAR(300) PRIMARY KEY,
  next_at BIGINT NOT NULL
);
