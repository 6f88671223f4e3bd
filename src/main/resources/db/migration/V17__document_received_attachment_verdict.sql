-- The verdicts on the signatures of the signed PDF attachments of a document taken in from the axis, one row per
-- signed attachment (an attachment that is not a signed PDF has none), written with the message.

CREATE TABLE document_received_attachment_verdict (
    message_id      VARCHAR(36)  NOT NULL REFERENCES message (message_id),
    attachment_no   INTEGER      NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    verdict         VARCHAR(16)  NOT NULL,
    reason          VARCHAR(64),
    signer_subject  VARCHAR(1000),
    signer_organ    VARCHAR(64),
    PRIMARY KEY (message_id, attachment_no)
);
