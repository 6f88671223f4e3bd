-- The state of each dossier the gateway has carried: its status (DossierStatus name) as the last sync or progress
-- step left it, and the dates the provinces' figures are computed from (`*_day`: the date in Asia/Ho_Chi_Minh, so that
-- "early" means finished on a day before the due day there, whatever the database's time zone).

CREATE TABLE dossier_state (
    dossier_code    VARCHAR(64)  NOT NULL PRIMARY KEY,
    agency_code     VARCHAR(32)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    online          BOOLEAN      NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    due_day         DATE         NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    finished_day    DATE,
    returned_at     TIMESTAMP WITH TIME ZONE,
    last_message_id VARCHAR(36)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dossier_state_agency_idx ON dossier_state (agency_code, received_at);
CREATE INDEX dossier_state_received_idx ON dossier_state (received_at);
