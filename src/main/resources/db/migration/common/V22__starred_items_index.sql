-- The starred view starts from the member's starred items: few among many read states.
CREATE INDEX feed_item_states_starred ON feed_item_states (member_id, starred_at) WHERE starred_at IS NOT NULL;
