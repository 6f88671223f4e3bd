package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each destination has one queue that its dossiers' records and progress steps share, so they keep their order. */
class DeliveryQueuesTest {

    @Test
    void putsADossiersRecordsAndProgressStepsOnTheQueueOfTheirDestination() {
        assertThat(DeliveryQueues.queueFor("DOSSIER", "DVCQG")).isEqualTo("lienthong.dossier.dvcqg");
        assertThat(DeliveryQueues.queueFor("PROGRESS", "DVCQG")).isEqualTo("lienthong.dossier.dvcqg");
        assertThat(DeliveryQueues.queueFor("DOSSIER", "LGSP")).isEqualTo("lienthong.dossier.lgsp");
        assertThat(DeliveryQueues.queueFor("PROGRESS", "LGSP")).isEqualTo("lienthong.dossier.lgsp");
        assertThat(DeliveryQueues.queueFor("CHAIN_LEG", "LGSP")).isEqualTo("lienthong.dossier.lgsp");
        assertThat(DeliveryQueues.destinations()).contains("DVCQG", "LGSP");
    }

    @Test
    void refusesAKindADestinationDoesNotTake() {
        assertThatThrownBy(() -> DeliveryQueues.queueFor("DOSSIER", "NOWHERE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsAQueuedMessageByItsDossier() {
        var envelope = DeliveryQueues.Envelope.ofDossier("m-1", "PROGRESS", "000.00.17.H56-240101-0001",
                "000.00.17.H56", "LGSP", "sandbox-agency");

        assertThat(envelope.headers()).containsEntry("JMSXGroupID", "000.00.17.H56-240101-0001")
                .containsEntry("lienthongDestination", "LGSP").containsEntry("lienthongKind", "PROGRESS");
        assertThat(DeliveryQueues.queueFor(envelope)).isEqualTo("lienthong.dossier.lgsp");
    }

    @Test
    void groupsAQueuedMessageAboutADocumentByItsDocumentId() {
        var envelope = new DeliveryQueues.Envelope("m-2", "DOCUMENT_STATUS", null, "000.00.00.G22,2024/03/05,1/VPCP",
                "000.00.17.H56", "VDXP", "sandbox-agency");

        assertThat(envelope.headers()).containsEntry("JMSXGroupID", "000.00.00.G22,2024/03/05,1/VPCP")
                .containsEntry("lienthongDocumentId", "000.00.00.G22,2024/03/05,1/VPCP")
                .doesNotContainKey("lienthongDossierCode");
        assertThat(DeliveryQueues.queueFor(envelope)).isEqualTo("lienthong.document.vdxp");
    }
}
