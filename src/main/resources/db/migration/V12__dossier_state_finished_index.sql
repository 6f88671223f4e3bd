-- The provinces' figures read dossiers finished in a period by this index, as they read those received by
-- dossier_state_received_idx.

CREATE INDEX dossier_state_finished_idx ON dossier_state (finished_at);
