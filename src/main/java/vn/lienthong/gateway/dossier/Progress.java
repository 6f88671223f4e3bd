package vn.lienthong.gateway.dossier;

import java.time.OffsetDateTime;

/** One processing step of a dossier as an agency system reports it; see {@code schemas/json/progress.schema.json}. */
public record Progress(DossierStatus status, OffsetDateTime at, String officer, String officerTitle,
                       String department, String note, OffsetDateTime plannedEndAt) {
}
