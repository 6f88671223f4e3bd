-- Sealing inserts and never updates. A sealed event's place in the Merkle tree moves from columns of message_event
-- (updated in place, which rewrote the event row and every index on it) to an insert-only table of leaves; the
-- perfect subtrees of 64 leaves or more that sealing completes are kept, so that a proof or a restart of the sealer
-- reads O(log n) hashes rather than every leaf; the sequence gaps the sealer passed over are kept to catch an event
-- that commits late.

CREATE TABLE log_leaf (
    log_index   BIGINT       NOT NULL PRIMARY KEY,
    seq         BIGINT       NOT NULL,
    node_id     VARCHAR(64)  NOT NULL,
    leaf_hash   CHAR(64)     NOT NULL
);

CREATE UNIQUE INDEX log_leaf_seq_idx ON log_leaf (seq);

INSERT INTO log_leaf (log_index, seq, node_id, leaf_hash)
SELECT log_index, seq, node_id, leaf_hash FROM message_event WHERE log_index IS NOT NULL;

DROP INDEX message_event_log_index_idx;
ALTER TABLE message_event DROP COLUMN node_id;
ALTER TABLE message_event DROP COLUMN log_index;
ALTER TABLE message_event DROP COLUMN leaf_hash;

-- The subtree of 2^height leaves from first_index (a multiple of 2^height); the sealer builds those of a log sealed
-- before this migration from its leaves when it starts.
CREATE TABLE log_subtree (
    first_index BIGINT       NOT NULL,
    height      SMALLINT     NOT NULL,
    hash        CHAR(64)     NOT NULL,
    PRIMARY KEY (first_index, height)
);

CREATE TABLE log_gap (
    first_seq   BIGINT       NOT NULL PRIMARY KEY,
    last_seq    BIGINT       NOT NULL,
    passed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
