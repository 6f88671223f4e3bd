-- Each message and each log entry says which way it goes (OUTBOUND: a local system to a platform; INBOUND: a platform
-- to a local system), by which channel it came in (REST, SOAP, ADMIN, AUDIT, QUEUE), and the document id it concerns.

ALTER TABLE message ADD COLUMN direction VARCHAR(8);
ALTER TABLE message ADD COLUMN channel VARCHAR(16);
ALTER TABLE message_event ADD COLUMN direction VARCHAR(8);
ALTER TABLE message_event ADD COLUMN channel VARCHAR(16);
ALTER TABLE message_event ADD COLUMN document_id VARCHAR(255);
