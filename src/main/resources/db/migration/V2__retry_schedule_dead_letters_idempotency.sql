-- When a message's next attempt is due (it holds back later messages of its dossier until then), when it was
-- dead-lettered, and the idempotency keys clients sent with their submissions.

ALTER TABLE message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN dead_lettered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX message_state_idx ON message (state, destination, dead_lettered_at);

CREATE TABLE idempotency_key (
    client_id        VARCHAR(128) NOT NULL,
    idempotency_key  VARCHAR(128) NOT NULL,
    request_sha256   CHAR(64)     NOT NULL,
    message_id       VARCHAR(36)  NOT NULL REFERENCES message (message_id),
    response         VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
