package vn.lienthong.gateway.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The liên thông chains under {@code lienthong.chains.<name>}: the ordered legs (receiving agency, procedure of the
 * leg, LGSP service) a dossier of the first leg's procedure fans out to; see docs/chains.md.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong")
public class ChainProperties {

    static final String CODE = "[A-Za-z0-9._-]{1,64}";

    @Valid
    private Map<@Pattern(regexp = "[a-z0-9-]{1,40}", message = "a chain name is 1 to 40 lower-case letters, digits "
            + "or -") String, @NotNull @Valid Chain> chains = new LinkedHashMap<>();

    public Map<String, Chain> getChains() { return chains; }
    public void setChains(Map<String, Chain> chains) { this.chains = chains; }

    /** Two chains triggered by the same procedure would make one dossier start both; that is a configuration slip. */
    @AssertTrue(message = "two chains start with the same procedure (lienthong.chains.<name>.legs[0].procedure)")
    public boolean isEveryTriggerDistinct() {
        Set<String> triggers = new HashSet<>();
        return chains.values().stream().filter(c -> c != null && !c.getLegs().isEmpty())
                .allMatch(c -> triggers.add(c.getLegs().get(0).getProcedure()));
    }

    /** One chain: its legs in order; the first leg's procedure starts it. */
    public static class Chain {
        @NotEmpty(message = "a chain needs at least one leg (lienthong.chains.<name>.legs)")
        @Size(max = 20, message = "a chain has at most 20 legs")
        private List<@NotNull @Valid Leg> legs = new ArrayList<>();

        public List<Leg> getLegs() { return legs; }
        public void setLegs(List<Leg> legs) { this.legs = new ArrayList<>(legs); }
    }

    /** One leg: the agency (organ code) that receives it, the procedure it starts there, the LGSP service to call. */
    public static class Leg {
        @NotBlank(message = "the receiving agency's organ code is required (lienthong.chains.<name>.legs[n].agency)")
        @Pattern(regexp = CODE, message = "must be an organ code (letters, digits, . _ -)")
        private String agency;
        @Size(max = 300, message = "at most 300 characters")
        private String agencyName;
        @NotBlank(message = "the leg's procedure code is required (lienthong.chains.<name>.legs[n].procedure)")
        @Pattern(regexp = CODE, message = "must be a procedure code (letters, digits, . _ -)")
        private String procedure;
        @NotBlank(message = "the LGSP service path is required (lienthong.chains.<name>.legs[n].service)")
        @Pattern(regexp = "/[A-Za-z0-9/_-]{1,200}", message = "must be a path on the LGSP base URL such as "
                + "/Document/SyncDocument (no dots, no query)")
        private String service = "/Document/SyncDocument";

        public String getAgency() { return agency; }
        public void setAgency(String agency) { this.agency = agency; }
        public String getAgencyName() { return agencyName; }
        public void setAgencyName(String agencyName) { this.agencyName = agencyName; }
        public String getProcedure() { return procedure; }
        public void setProcedure(String procedure) { this.procedure = procedure; }
        public String getService() { return service; }
        public void setService(String service) { this.service = service; }
    }
}
