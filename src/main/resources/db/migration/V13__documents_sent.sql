-- Official documents and status messages the gateway sends to the document interchange axis (VDXP): the document id
-- and the sending organ, the axis id of what was sent, and, per recipient, its state on the axis (from
-- getSentEdocList: sent, received, done, fail) and the last status message it sent back about the document.
-- The verdict on each attachment's signature, as it was when the document was accepted, is kept beside them.
-- A row is written in the transaction that stores its message, before the message row (so no foreign key to it).

CREATE TABLE document_outbound (
    message_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    document_id     VARCHAR(255) NOT NULL,
    from_organ      VARCHAR(40)  NOT NULL,
    status_code     VARCHAR(2),
    axis_doc_id     VARCHAR(200),
    sent_at         TIMESTAMP WITH TIME ZONE,
    polled_at       TIMESTAMP WITH TIME ZONE,
    settled         BOOLEAN      NOT NULL
);
CREATE INDEX document_outbound_document_idx ON document_outbound (document_id, kind);
CREATE INDEX document_outbound_poll_idx ON document_outbound (settled, sent_at);

CREATE TABLE document_outbound_recipient (
    message_id          VARCHAR(36)  NOT NULL REFERENCES document_outbound (message_id),
    organ_id            VARCHAR(40)  NOT NULL,
    receiver_doc_id     VARCHAR(200),
    receive_status      VARCHAR(16),
    receive_status_desc VARCHAR(255),
    received_at         TIMESTAMP WITH TIME ZONE,
    status_code         VARCHAR(2),
    status_at           TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, organ_id)
);

CREATE TABLE document_attachment_verdict (
    message_id      VARCHAR(36)  NOT NULL REFERENCES document_outbound (message_id),
    attachment_no   INTEGER      NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    verdict         VARCHAR(16)  NOT NULL,
    reason          VARCHAR(64),
    signer_subject  VARCHAR(1000),
    signer_organ    VARCHAR(64),
    PRIMARY KEY (message_id, attachment_no)
);

CREATE INDEX message_document_idx ON message (document_id, seq);
