-- The settings and route files the gateway started with, one row per start whose configuration differs from the one
-- before; the CONFIGURATION_LOADED entry of the message log carries the SHA-256 of `snapshot`.

CREATE TABLE configuration_snapshot (
    sha256      CHAR(64)      NOT NULL PRIMARY KEY,
    snapshot    VARCHAR(1000000) NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
