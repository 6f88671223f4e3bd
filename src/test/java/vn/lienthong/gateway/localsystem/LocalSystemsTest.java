package vn.lienthong.gateway.localsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import vn.lienthong.gateway.vdxp.VdxpAxisProperties;
import vn.lienthong.gateway.vdxp.VdxpInboundProperties;

/** The local document systems are checked against the organ codes at start-up, each mistake named by its setting. */
class LocalSystemsTest {

    private static final String HAI_TRUONG = "000.00.17.H56";
    private static final String HAI_DINH = "000.00.18.H56";

    @Test
    void givesEachOrganTheSystemThatReceivesForIt() {
        LocalSystems systems = systems(List.of(HAI_TRUONG, HAI_DINH), "production",
                system("https://vanban.example.gov.vn/lienthong/", HAI_TRUONG),
                system("https://vanban2.example.gov.vn", HAI_DINH));

        assertThat(systems.of(HAI_TRUONG).orElseThrow().resource(HAI_TRUONG, LocalResource.DOCUMENTS))
                .hasToString("https://vanban.example.gov.vn/lienthong/000.00.17.H56/documents");
        assertThat(systems.of(HAI_DINH).orElseThrow().resource(HAI_DINH, LocalResource.STATUS))
                .hasToString("https://vanban2.example.gov.vn/000.00.18.H56/status");
        assertThat(systems.of("000.00.19.H56")).isEmpty();
    }

    @Test
    void refusesToStartWhenAnOrganHasNoLocalSystem() {
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG, HAI_DINH), "production",
                system("https://vanban.example.gov.vn", HAI_TRUONG)))
                .hasMessageContaining("lienthong.vdxp.organ-ids lists 000.00.18.H56 but no "
                        + "lienthong.vdxp.local-systems entry receives for it");
    }

    @Test
    void refusesToStartWhenAnOrganHasTwoLocalSystems() {
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG), "production",
                system("https://a.example.gov.vn", HAI_TRUONG), system("https://b.example.gov.vn", HAI_TRUONG)))
                .hasMessageContaining("000.00.17.H56 has two local systems");
    }

    @Test
    void refusesToStartWithALocalSystemForAnOrganTheGatewayDoesNotReceiveFor() {
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG), "production",
                system("https://a.example.gov.vn", HAI_TRUONG, "000.00.99.H56")))
                .hasMessageContaining("lienthong.vdxp.local-systems[0].organ-ids lists 000.00.99.H56, which is not "
                        + "in lienthong.vdxp.organ-ids");
    }

    @Test
    void refusesAPathOnThisGatewayOutsideTheSandbox() {
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG), "production", system("/sim/local", HAI_TRUONG)))
                .hasMessageContaining("lienthong.vdxp.local-systems[0].url is a path on this gateway");
        assertThat(systems(List.of(HAI_TRUONG), "sandbox", system("/sim/local", HAI_TRUONG)).of(HAI_TRUONG))
                .isPresent();
    }

    @Test
    void refusesAUrlWithUserInfoOrQuery() {
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG), "production",
                system("https://user:secret@vanban.example.gov.vn", HAI_TRUONG)))
                .hasMessageContaining("lienthong.vdxp.local-systems[0].url must be an http(s) URL with a host")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> systems(List.of(HAI_TRUONG), "production",
                system("https://vanban.example.gov.vn/x?a=b", HAI_TRUONG)))
                .hasMessageContaining("lienthong.vdxp.local-systems[0].url");
    }

    @Test
    void needsNoLocalSystemWhenTheGatewayReceivesForNoOrgan() {
        assertThat(systems(List.of(), "production").of(HAI_TRUONG)).isEmpty();
    }

    @Test
    void keepsTheApiKeyOutOfTheSettingsText() {
        VdxpInboundProperties.LocalSystem system = system("https://a.example.gov.vn", HAI_TRUONG);
        system.setApiKey("local-system-api-key-0123456789");
        assertThat(system.toString()).doesNotContain("0123456789").contains("***");
    }

    private static LocalSystems systems(List<String> organIds, String profile,
                                        VdxpInboundProperties.LocalSystem... systems) {
        VdxpAxisProperties axis = new VdxpAxisProperties();
        axis.setOrganIds(organIds);
        VdxpInboundProperties inbound = new VdxpInboundProperties();
        inbound.setLocalSystems(List.of(systems));
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new LocalSystems(inbound, axis, environment, new GenericApplicationContext());
    }

    private static VdxpInboundProperties.LocalSystem system(String url, String... organIds) {
        VdxpInboundProperties.LocalSystem system = new VdxpInboundProperties.LocalSystem();
        system.setUrl(url);
        system.setOrganIds(List.of(organIds));
        return system;
    }
}
