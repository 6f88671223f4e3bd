package vn.lienthong.gateway.simulator;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.lienthong.gateway.TestClock;

/**
 * The LGSP simulator as a platform would behave: client-credentials tokens that expire, bearer calls checked against
 * schemas/lgsp, what it received with duplicates counted, and the faults it can be told to inject.
 */
@WebMvcTest
@ActiveProfiles("sandbox")
@TestPropertySource(properties = {
        "lienthong.schemas-dir=${user.dir}/schemas",
        "lienthong.simulator.lgsp.client-id=sandbox-lgsp",
        "lienthong.simulator.lgsp.client-secret=sandbox-lgsp-secret",
        "lienthong.simulator.lgsp.token-lifetime=10m"})
class LgspSimulatorControllerTest {

    private static final String SYNC = "/sim/lgsp/Document/SyncDocument";
    private static final String TRACES = "/sim/lgsp/Document/UpdateDocumentTraces";

    /** Only the simulator and its helpers, so that the rest of the application stays out of this test. */
    @Configuration
    @EnableConfigurationProperties(LgspSimulatorProperties.class)
    @Import({LgspSimulatorController.class, LgspTokenIssuer.class, LgspDocumentValidator.class})
    static class SimulatorOnly {
        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2024-03-01T01:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestClock clock;

    @BeforeEach
    void resetSimulator() throws Exception {
        clock.reset();
        mvc.perform(delete("/sim/lgsp/received")).andExpect(status().isNoContent());
        postFaults("{\"reset\":true,\"expireTokens\":true}").andExpect(status().isOk());
    }

    @Test
    void issuesABearerTokenForTheClientCredentialsByHttpBasic() throws Exception {
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic("sandbox-lgsp", "sandbox-lgsp-secret"))
                        .content("grant_type=client_credentials"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").isNotEmpty())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(600));
    }

    @Test
    void issuesABearerTokenForTheClientCredentialsInTheForm() throws Exception {
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials&client_id=sandbox-lgsp"
                                + "&client_secret=sandbox-lgsp-secret"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").isNotEmpty());
    }

    @Test
    void refusesWrongOrMissingCredentials() throws Exception {
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic("sandbox-lgsp", "guess")).content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"lgsp\""))
                .andExpect(jsonPath("$.error").value("invalid_client"));
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"));
    }

    @Test
    void refusesTokenRequestsThatBreakTheProtocol() throws Exception {
        String basic = basic("sandbox-lgsp", "sandbox-lgsp-secret");
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic).content("grant_type=password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unsupported_grant_type"));
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic)
                        .content("grant_type=client_credentials&client_id=sandbox-lgsp&client_secret=sandbox-lgsp-secret"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic).content("grant_type=client_credentials&grant_type=client_credentials"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(post("/sim/lgsp/token?client_secret=sandbox-lgsp-secret")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic).content("grant_type=client_credentials"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", basic).content("{\"grant_type\":\"client_credentials\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_request"));
    }

    @Test
    void acceptsAValidDocumentAndTraceWithAValidToken() throws Exception {
        String token = token();

        call(SYNC, token, "key-1", document()).andExpect(status().isOk())
                .andExpect(jsonPath("$.ErrorCode").value("0"))
                .andExpect(jsonPath("$.DocCode").value("000.00.17.H56-240301-0001"));
        call(TRACES, token, "key-2", trace()).andExpect(status().isOk()).andExpect(jsonPath("$.ErrorCode").value("0"));

        mvc.perform(get("/sim/lgsp/received"))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.tokensIssued").isNumber())
                .andExpect(jsonPath("$.records[0].receivedAt").value("2024-03-01T08:00:00+07:00"))
                .andExpect(jsonPath("$.records[0].service").value("SyncDocument"))
                .andExpect(jsonPath("$.records[0].idempotencyKey").value("key-1"))
                .andExpect(jsonPath("$.records[0].document.DocCode").value("000.00.17.H56-240301-0001"))
                .andExpect(jsonPath("$.records[1].service").value("UpdateDocumentTraces"));
        mvc.perform(get("/sim/lgsp/received").param("service", "UpdateDocumentTraces"))
                .andExpect(jsonPath("$.count").value(1));
    }

    @Test
    void refusesCallsWithoutATokenOrWithAnUnknownOne() throws Exception {
        mvc.perform(post(SYNC).contentType(MediaType.APPLICATION_JSON).content(document().toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.ErrorCode").value("100"));
        call(SYNC, "made-up-token", "key-1", document()).andExpect(status().isUnauthorized());
        mvc.perform(get("/sim/lgsp/received")).andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void refusesATokenOnceItsLifetimeHasPassed() throws Exception {
        String token = token();
        clock.advance(Duration.ofMinutes(9));
        call(SYNC, token, "key-1", document()).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(1));

        call(SYNC, token, "key-2", document()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.ErrorCode").value("100"));
    }

    @Test
    void issuesShorterLivedTokensWhenToldAndTheConfiguredLifetimeAgainAfterAReset() throws Exception {
        postFaults("{\"tokenLifetimeSeconds\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenLifetimeSeconds").value(5));
        String token = token();
        clock.advance(Duration.ofSeconds(4));
        call(SYNC, token, "key-1", document()).andExpect(status().isOk());

        clock.advance(Duration.ofSeconds(1));

        call(SYNC, token, "key-2", document()).andExpect(status().isUnauthorized());
        postFaults("{\"reset\":true}").andExpect(jsonPath("$.tokenLifetimeSeconds").value(600));
    }

    @Test
    void refusesEveryTokenIssuedBeforeTheyWereExpiredByAFault() throws Exception {
        String token = token();

        postFaults("{\"expireTokens\":true}").andExpect(status().isOk());

        call(SYNC, token, "key-1", document()).andExpect(status().isUnauthorized());
        call(SYNC, token(), "key-1", document()).andExpect(status().isOk());
    }

    @Test
    void checksDocumentsAgainstTheSchemaAndTheCalendar() throws Exception {
        ObjectNode bad = document();
        bad.remove("CitizenName");
        bad.put("Status", 11).put("DateReceived", "2024-02-30T08:00:00.000+0700").put("Surprise", true);

        call(SYNC, token(), "key-1", bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.ErrorCode").value("200"))
                .andExpect(jsonPath("$.errors[*].pointer",
                        containsInAnyOrder("/CitizenName", "/Status", "/DateReceived", "/Surprise")));
        mvc.perform(get("/sim/lgsp/received")).andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void refusesAnAppointmentBeforeTheReceiptAndTracesWithoutTheirAuthor() throws Exception {
        String token = token();
        call(SYNC, token, "key-1", document().put("DateAppointed", "2024-02-29T08:00:00.000+0700"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", hasItem("/DateAppointed")));
        ObjectNode trace = trace();
        trace.remove("UserName");
        call(TRACES, token, "key-2", trace).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer", hasItem("/UserName")));
    }

    @Test
    void refusesBodiesThatAreNotOneJsonObjectAndUnknownServices() throws Exception {
        String token = token();
        for (String body : new String[] {"[]", "{\"a\":1}{", "{\"DocCode\":\"x\",\"DocCode\":\"y\"}", ""}) {
            mvc.perform(post(SYNC).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest());
        }
        call("/sim/lgsp/Document/DeleteDocument", token, "key-1", document()).andExpect(status().isNotFound());
    }

    @Test
    void countsARepeatedIdempotencyKeyAsADuplicateAndKeepsTheFirst() throws Exception {
        String token = token();

        call(SYNC, token, "key-1", document()).andExpect(status().isOk());
        call(SYNC, token, "key-1", document().put("Status", 4)).andExpect(status().isOk());

        mvc.perform(get("/sim/lgsp/received"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.records[0].document.Status").value(2));
    }

    @Test
    void failsTheNextCallsAsToldIncludingA401() throws Exception {
        String token = token();
        postFaults("{\"failNext\":1,\"status\":401}").andExpect(status().isOk());

        call(SYNC, token, "key-1", document()).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        call(SYNC, token, "key-1", document()).andExpect(status().isOk());

        postFaults("{\"failNext\":1,\"status\":503,\"retryAfterSeconds\":3}").andExpect(status().isOk());
        call(SYNC, token, "key-2", document()).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"));
        mvc.perform(get("/sim/lgsp/faults")).andExpect(jsonPath("$.failNext").value(0));
    }

    @Test
    void refusesFaultsItDoesNotUnderstand() throws Exception {
        postFaults("{\"failNext\":-1,\"expireTokens\":\"yes\",\"tokenLifetimeSeconds\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer",
                        containsInAnyOrder("/failNext", "/expireTokens", "/tokenLifetimeSeconds")));
    }

    @Test
    void refusesWith400TheRecordsOfTheOrgansItIsToldToRefuseAndShowsEachRecordsReceivingOrgan() throws Exception {
        String token = token();
        mvc.perform(put("/sim/lgsp/refused-organs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organs\":[\"000.31.00.H56\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organs[0]").value("000.31.00.H56"));
        ObjectNode toPolice = document().put("OrganInchargeIdLevel1", "000.31.00.H56");

        call(SYNC, token, "key-police", toPolice).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.ErrorCode").value("400"));
        call(SYNC, token, "key-commune", document()).andExpect(status().isOk());
        postFaults("{\"reset\":true}").andExpect(status().isOk());
        call(SYNC, token(), "key-police-again", toPolice).andExpect(status().isOk());

        mvc.perform(get("/sim/lgsp/received"))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.records[0].receivingOrgan").value("000.00.17.H56"))
                .andExpect(jsonPath("$.records[1].receivingOrgan").value("000.31.00.H56"));
    }

    @Test
    void refusesAnOrganListThatIsNotAnArrayOfOrganCodes() throws Exception {
        for (String body : new String[] {"{\"organs\":\"000.31.00.H56\"}", "{\"organs\":[\"<x>\"]}", "[]", ""}) {
            mvc.perform(put("/sim/lgsp/refused-organs").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/sim/lgsp/refused-organs")).andExpect(jsonPath("$.organs").isEmpty());
    }

    private String token() throws Exception {
        String answer = mvc.perform(post("/sim/lgsp/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Authorization", basic("sandbox-lgsp", "sandbox-lgsp-secret"))
                        .content("grant_type=client_credentials"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).path("access_token").asText();
    }

    private ResultActions call(String path, String token, String key, ObjectNode body) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body)));
    }

    private ResultActions postFaults(String body) throws Exception {
        return mvc.perform(post("/sim/lgsp/faults").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A SyncDocument record as the platform's contract describes it, written by hand. */
    private ObjectNode document() throws Exception {
        return (ObjectNode) json.readTree("""
                {"DocTypeCode":"1.000894.000.00.00.H56","DocTypeName":"Đăng ký kết hôn",
                 "DocCode":"000.00.17.H56-240301-0001","CitizenName":"Hồ Quang Thuận","ApplicantsId":"045090001234",
                 "ApplicantsType":1,"Phone":"0912345678","Compendium":"Đăng ký kết hôn",
                 "DateReceived":"2024-03-01T08:00:00.000+0700","DateAppointed":"2024-03-04T17:00:00.000+0700",
                 "IsSuccess":false,"IsReturned":false,"ReturnedType":0,"Status":2,
                 "ProcessingOrganName":"UBND xã Hải Trường",
                 "Attachments":[{"AttachmentId":1,"AttachmentName":"Tờ khai","Url":"https://motcua.example.vn/a.pdf",
                                 "IsDeleted":false,"IsVerified":false}],
                 "DocFees":[{"FeeName":"Lệ phí","Price":0,"PaymentMethod":1}],
                 "OrganInchargeIdLevel1":"000.00.17.H56","OrganInchargeName":"UBND xã Hải Trường"}""");
    }

    /** An UpdateDocumentTraces record as the platform's contract describes it, written by hand. */
    private ObjectNode trace() throws Exception {
        return (ObjectNode) json.readTree("""
                {"DocumentId":"000.00.17.H56-240301-0001","DocCode":"000.00.17.H56-240301-0001",
                 "UserName":"Lê Thị Hoa","UserPosition":"Công chức tư pháp - hộ tịch",
                 "DateCreated":"2024-03-01T09:00:00.000+0700","Comment":"Chuyển xử lý","Status":4,
                 "OrganizationInchargeIdLevel1":"000.00.17.H56","OrganizationInchargeName":"UBND xã Hải Trường"}""");
    }
}
