package io.leadbridge.support;

import io.leadbridge.intake.LeadIntake;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerRequest;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.RepRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partners, reps and leads for tests, created through the same services the API uses. */
@TestComponent
public class LeadFixtures {

    /** Every test user's password; it keeps Camunda's password policy, which the tests run with. */
    public static final String PASSWORD = "Secret-Pass-1";
    /** The password of {@code admin}, Camunda's first administrator in the {@code test} profile. */
    public static final String ADMIN_PASSWORD = "Demo-Pass-2026";

    private final PartnerService partners;
    private final PartnerRepository directory;
    private final LeadIntake intake;
    private final LeadRepository leads;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final HistoryService history;

    LeadFixtures(PartnerService partners, PartnerRepository directory, LeadIntake intake, LeadRepository leads,
            RuntimeService runtime, JdbcClient jdbc, HistoryService history) {
        this.directory = directory;
        this.history = history;
        this.partners = partners;
        this.intake = intake;
        this.leads = leads;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /**
     * Tests share one application context: retire the partners of earlier tests, so routing only
     * sees this test's partners, and stop the lead processes of earlier tests, so their timers
     * and pending steps cannot fire into this test when it moves the clock.
     */
    public void isolateFromEarlierTests() {
        retireAllPartners();
        List<String> running = runtime.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "isolating tests", true, true);
        }
    }

    public void retireAllPartners() {
        jdbc.sql("update partner set status = 'INACTIVE'").update();
        directory.directoryChanged();
    }

    /** Activates or deactivates partners directly, as a channel manager's change would. */
    public void partnerStatus(PartnerStatus status, List<String> partnerIds) {
        jdbc.sql("update partner set status = :status where id in (:ids)").param("status", status.name())
                .param("ids", partnerIds).update();
        directory.directoryChanged();
    }

    public String partner(String prefix, PartnerTier tier, String... countries) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        partners.create(new PartnerRequest(id, prefix + " Inc.", tier, null, 100, prefix + "@partner.example",
                Set.of(countries), Set.of(), Set.of(), Set.of("Cloud", "Security", "Networking", "Analytics"),
                Set.of("HIPAA", "PCI-DSS", "FedRAMP"), Set.of()));
        return id;
    }

    /** A partner with a fixed id and rep (as named in the account-protection table), created once per context. */
    public void protectedPartner(String partnerId, String repUsername) {
        if (jdbc.sql("select count(*) from partner where id = :id").param("id", partnerId).query(Integer.class).single() == 0) {
            partners.create(new PartnerRequest(partnerId, partnerId + " Ltd.", PartnerTier.PLATINUM, null, 100,
                    null, Set.of("US", "CA"), Set.of(), Set.of(), Set.of("Cloud"), Set.of(), Set.of()));
            partners.addRep(partnerId, new RepRequest(repUsername, "Nina", "North", repUsername + "@partner.example",
                    PASSWORD));
        }
        partnerStatus(PartnerStatus.ACTIVE, List.of(partnerId));
    }

    public String rep(String partnerId) {
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        partners.addRep(partnerId, new RepRequest(username, "Rita", "Rep", username + "@partner.example", PASSWORD));
        return username;
    }

    /** A lead that the qualification table sends to a partner: mid-market, grade B, in the given country. */
    public LeadSubmission partnerLead(String country) {
        return lead(country, 70, 250, "Cloud Platform", "Retail");
    }

    public LeadSubmission lead(String country, int score, Integer employees, String product, String industry) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new LeadSubmission("ext-" + unique, "web-form", "autumn-launch", product, score,
                new LeadSubmission.Contact("Pat", "Prospect", "pat." + unique + "@prospect.example", "+1 555 0100",
                        "CTO"),
                new LeadSubmission.Account("Prospect " + unique, "prospect-" + unique + ".example", industry, country,
                        employees, employees == null ? null : BigDecimal.valueOf(employees * 100_000L)),
                "asked for a demo");
    }

    public long submit(LeadSubmission submission) {
        return intake.receive(submission, "marketing").lead().id();
    }

    public Lead lead(long id) {
        return leads.get(id);
    }

    /** The lead's process instance, also after it ended (for assertions such as isEnded()). */
    public ProcessInstance process(long leadId) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(leadId))
                .singleResult();
        if (running != null) {
            return running;
        }
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(leadId)).singleResult();
        if (ended == null) {
            throw new AssertionError("lead " + leadId + " has no process");
        }
        ExecutionEntity instance = new ExecutionEntity();
        instance.setId(ended.getId());
        instance.setProcessInstanceId(ended.getId());
        instance.setProcessDefinitionId(ended.getProcessDefinitionId());
        instance.setBusinessKey(ended.getBusinessKey());
        return instance;
    }
}
