-- The legs of each liên thông chain a dossier started (docs/chains.md): one row per leg, written in the same
-- transaction as the dossier's messages; the leg's message (kind CHAIN_LEG) carries its delivery state, this row the
-- leg's place, receiving agency and procedure, and the receiving agency's acknowledgement.

CREATE TABLE chain_leg (
    dossier_code     VARCHAR(64)  NOT NULL,
    leg              INTEGER      NOT NULL,
    chain_name       VARCHAR(40)  NOT NULL,
    agency_code      VARCHAR(64)  NOT NULL,
    procedure_code   VARCHAR(64)  NOT NULL,
    service          VARCHAR(201) NOT NULL,
    message_id       VARCHAR(36)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_by  VARCHAR(100),
    PRIMARY KEY (dossier_code, leg),
    CONSTRAINT chain_leg_message UNIQUE (message_id)
);
