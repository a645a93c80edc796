-- The inbox: what people said to the workspace's accounts (mentions, replies, direct messages)
-- and who newly follows them, grouped into conversations, with our answers beside theirs.

-- One conversation per channel and thread (a new follower is one of its own). It carries what
-- the list shows and filters on, so that the first page is read from this table alone.
CREATE TABLE inbox_conversations (
  id                 VARCHAR(36) PRIMARY KEY,
  workspace_id       VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel_id         VARCHAR(36) NOT NULL,
  network            VARCHAR(20) NOT NULL,
  thread_key         VARCHAR(2000) NOT NULL, -- t:<thread root>, d:<thread root> for direct messages, f:<actor> for a follower
  type               VARCHAR(20) NOT NULL CHECK (type IN ('MENTION', 'REPLY', 'DIRECT_MESSAGE', 'NEW_FOLLOWER')), -- of their latest item
  person_id          VARCHAR(36), -- as People knew the account when the conversation began
  person_name        VARCHAR(300) NOT NULL DEFAULT '',
  actor_id           VARCHAR(300) NOT NULL, -- the account of whoever began it, on its network
  actor_handle       VARCHAR(300) NOT NULL DEFAULT '',
  state              VARCHAR(10) NOT NULL CHECK (state IN ('open', 'waiting', 'done')),
  assignee_member_id VARCHAR(36),
  excerpt            VARCHAR(600) NOT NULL DEFAULT '', -- the start of their latest words; untrusted
  last_at            BIGINT NOT NULL, -- their latest item: the list's order
  unanswered_since   BIGINT, -- their first item since our last answer, for the response time
  last_answer_at     BIGINT, -- our latest words to them in it
  items              INTEGER NOT NULL DEFAULT 0,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL,
  UNIQUE (workspace_id, channel_id, thread_key)
);
-- The list, newest or oldest first, unfiltered and by each filter (cursor: last_at, id).
CREATE INDEX inbox_conversations_by_time ON inbox_conversations (workspace_id, last_at, id);
CREATE INDEX inbox_conversations_by_state ON inbox_conversations (workspace_id, state, last_at, id);
CREATE INDEX inbox_conversations_by_assignee ON inbox_conversations (workspace_id, assignee_member_id, last_at, id);
CREATE INDEX inbox_conversations_by_person ON inbox_conversations (workspace_id, person_id, last_at, id);
CREATE INDEX inbox_conversations_by_channel ON inbox_conversations (workspace_id, channel_id, last_at, id);
CREATE INDEX inbox_conversations_by_type ON inbox_conversations (workspace_id, type, last_at, id);
-- A direct message or mention we send without a post to answer finds the conversation by its account.
CREATE INDEX inbox_conversations_by_actor ON inbox_conversations (workspace_id, channel_id, actor_id, last_at);

-- Their items and our answers (and likes, reposts) in a conversation.
CREATE TABLE inbox_items (
  id               VARCHAR(36) PRIMARY KEY,
  workspace_id     VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id  VARCHAR(36) NOT NULL REFERENCES inbox_conversations (id) ON DELETE CASCADE,
  channel_id       VARCHAR(36) NOT NULL,
  direction        VARCHAR(3) NOT NULL CHECK (direction IN ('in', 'out')),
  type             VARCHAR(20) NOT NULL, -- in: an InboxItemType; out: REPLY, MENTION, DIRECT, LIKE, REPOST
  source_id        VARCHAR(36) NOT NULL UNIQUE, -- the network event or the sent message: one item each, however often delivered
  remote_id        VARCHAR(2000), -- the post on the network, if any
  actor_id         VARCHAR(300) NOT NULL DEFAULT '', -- in: their account; out: the recipient's
  actor_handle     VARCHAR(300) NOT NULL DEFAULT '',
  actor_name       VARCHAR(300) NOT NULL DEFAULT '',
  member_id        VARCHAR(36), -- out: who sent it
  text             TEXT NOT NULL DEFAULT '', -- untrusted
  url              VARCHAR(2000) NOT NULL DEFAULT '',
  occurred_at      BIGINT NOT NULL,
  created_at       BIGINT NOT NULL
);
CREATE INDEX inbox_items_by_conversation ON inbox_items (conversation_id, occurred_at);
-- Our answer names the post it answers: which conversation holds it.
CREATE INDEX inbox_items_by_remote ON inbox_items (workspace_id, channel_id, remote_id);

-- Each time we answered: from their first unanswered item to our first answer, and who answered.
CREATE TABLE inbox_responses (
  id              VARCHAR(36) PRIMARY KEY,
  workspace_id    VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id VARCHAR(36) NOT NULL REFERENCES inbox_conversations (id) ON DELETE CASCADE,
  member_id       VARCHAR(36),
  asked_at        BIGINT NOT NULL,
  answered_at     BIGINT NOT NULL,
  millis          BIGINT NOT NULL
);
CREATE INDEX inbox_responses_by_time ON inbox_responses (workspace_id, answered_at);
CREATE INDEX inbox_responses_by_conversation ON inbox_responses (conversation_id, answered_at);
