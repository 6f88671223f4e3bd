-- RFC 3161 timestamps of signed checkpoints: the token a timestamping authority returned over the checkpoint's
-- signature, and when it was stored (NULL until a TSA has stamped it; the timestamper takes the oldest first).
-- Payloads kept compressed: payload_encoding says how message.payload is stored ('identity' as received, 'gzip');
-- rows stored before this migration are 'identity'. payload_sha256 stays the SHA-256 of the payload as received.

ALTER TABLE log_checkpoint ADD COLUMN timestamp_token BYTEA;
ALTER TABLE log_checkpoint ADD COLUMN timestamped_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX log_checkpoint_untimestamped_idx ON log_checkpoint (timestamped_at, created_at, tree_size);

ALTER TABLE message ADD COLUMN payload_encoding VARCHAR(16) DEFAULT 'identity' NOT NULL;
