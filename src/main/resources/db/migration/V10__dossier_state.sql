-- The state of each dossier the gateway has carried: its status (DossierStatus name) as the last sync or progress
-- step left it, and the dates the provinces' figures are computed from.

CREATE TABLE dossier_state (
    dossier_code    VARCHAR(64)  NOT NULL PRIMARY KEY,
    agency_code     VARCHAR(32)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    online          BOOLEAN      NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    returned_at     TIMESTAMP WITH TIME ZONE,
    last_message_id VARCHAR(36)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dossier_state_agency_idx ON dossier_state (agency_code, received_at);
