-- Where each dossier's record was last sent (destination names joined by commas, e.g. DVCQG,LGSP), so that its
-- progress steps follow it to the same platforms; and the name of its agency, which platforms want beside the code
-- on every trace. Dossiers recorded before routing rules existed went to DVCQG only.

ALTER TABLE dossier_state ADD COLUMN destinations VARCHAR(200) DEFAULT 'DVCQG' NOT NULL;
ALTER TABLE dossier_state ADD COLUMN agency_name VARCHAR(500);
