-- The tamper-evident message log: each event, once sealed, has a place in the Merkle tree (log_index, from 0, with no
-- gaps) and the leaf hash of its canonical form; checkpoints are signed heads of the tree.

ALTER TABLE message_event ADD COLUMN node_id VARCHAR(64);
ALTER TABLE message_event ADD COLUMN log_index BIGINT;
ALTER TABLE message_event ADD COLUMN leaf_hash CHAR(64);
CREATE UNIQUE INDEX message_event_log_index_idx ON message_event (log_index);

CREATE TABLE log_checkpoint (
    node_id      VARCHAR(64)  NOT NULL,
    tree_size    BIGINT       NOT NULL,
    root         CHAR(64)     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    tree_head    VARCHAR(400) NOT NULL,
    signature    BYTEA        NOT NULL,
    PRIMARY KEY (node_id, tree_size)
);
