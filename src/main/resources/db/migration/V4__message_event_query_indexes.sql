-- The auditors' query of the message log (GET /audit/entries) filters events by dossier code, client, event type,
-- time, and by the agency of the event's message; each filter has an index so that none scans the whole log.

CREATE INDEX message_event_dossier_idx ON message_event (dossier_code, seq);
CREATE INDEX message_event_client_idx ON message_event (client_id, seq);
CREATE INDEX message_event_event_idx ON message_event (event, seq);
CREATE INDEX message_event_time_idx ON message_event (occurred_at);
CREATE INDEX message_agency_idx ON message (agency_code, seq);
