-- Documents and status messages taken in from the document interchange axis (VDXP), one row per item a recipient
-- organ of this gateway was given, so that an item the axis lists again (the gateway died before confirming it, or
-- the sender sent it twice) is queued for the local system once. receipt_key is the SHA-256 of what identifies the
-- item: the recipient organ, the sender organ, the message type and the DocumentId (for a status message also its
-- status code and time). The verdict on its XML signature is kept as the local system is told it.
-- Document ids may be as long as the local systems' contract allows (300 characters).

ALTER TABLE message ALTER COLUMN document_id SET DATA TYPE VARCHAR(300);
ALTER TABLE message_event ALTER COLUMN document_id SET DATA TYPE VARCHAR(300);

CREATE TABLE document_received (
    receipt_key         CHAR(64)      NOT NULL PRIMARY KEY,
    message_type        VARCHAR(8)    NOT NULL,
    to_organ            VARCHAR(40)   NOT NULL,
    from_organ          VARCHAR(40)   NOT NULL,
    document_id         VARCHAR(300)  NOT NULL,
    status_code         VARCHAR(2),
    axis_doc_id         VARCHAR(200)  NOT NULL,
    message_id          VARCHAR(36)   NOT NULL REFERENCES message (message_id),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    verdict             VARCHAR(16)   NOT NULL,
    signature           VARCHAR(4000) NOT NULL,
    arrival_message_id  VARCHAR(36)
);

CREATE UNIQUE INDEX document_received_message_idx ON document_received (message_id);

-- Status messages the recipients of documents this gateway sent reported back through the axis, every one of them
-- (document_outbound_recipient keeps only the last): which code, when they say it was reached, what they said, who,
-- and the INBOUND message that carried it.
CREATE TABLE document_status_report (
    inbound_message_id  VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES message (message_id),
    message_id          VARCHAR(36)   NOT NULL REFERENCES document_outbound (message_id),
    organ_id            VARCHAR(40)   NOT NULL,
    status_code         VARCHAR(2)    NOT NULL,
    status_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    description         VARCHAR(2000),
    staff_department    VARCHAR(1000),
    staff_name          VARCHAR(1000),
    staff_email         VARCHAR(1000),
    staff_mobile        VARCHAR(1000),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX document_status_report_message_idx ON document_status_report (message_id, status_at);
