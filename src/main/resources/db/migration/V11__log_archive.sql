-- Archives written by the retention job: the export of entries [first_index, end_index) (end_index a signed
-- checkpoint), the file and its SHA-256; entries below purged_below were then deleted from the store, and the tree
-- continues from the frontier at purged_below, which the stored subtrees keep.

CREATE TABLE log_archive (
    end_index     BIGINT        NOT NULL PRIMARY KEY,
    first_index   BIGINT        NOT NULL,
    purged_below  BIGINT        NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    file_sha256   CHAR(64)      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
