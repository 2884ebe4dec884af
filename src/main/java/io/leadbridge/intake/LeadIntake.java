package io.leadbridge.intake;

import io.leadbridge.database.RetriedOnDeadlock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lifecycle.LeadVariables;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.routing.LeadFacts;
import io.leadbridge.web.IsoLanguage;
import io.leadbridge.web.LowerCaseSize;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a lead in: stores account, contact and lead, and starts the lead's lifecycle process in
 * the same transaction, so a lead is either fully received or not at all. The process continues
 * asynchronously after its start event: a broken decision table leaves an incident on a stored
 * lead instead of losing it. A transaction that loses a deadlock (e.g. with the lead's own
 * jobs on another node) runs again from the start.
 */
@Service
public class LeadIntake {

    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    private final LeadRepository leads;
    private final ProspectRepository prospects;
    private final LeadEventLog events;
    private final RuntimeService runtime;

    LeadIntake(LeadRepository leads, ProspectRepository prospects, LeadEventLog events, RuntimeService runtime) {
        this.leads = leads;
        this.prospects = prospects;
        this.events = events;
        this.runtime = runtime;
    }

    /** The stored lead, and whether this call created it (false: the same source and external id came before). */
    public record Received(Lead lead, boolean created) {
    }

    @Transactional
    @RetriedOnDeadlock
    public Received receive(LeadSubmission submission, String actor) {
        String source = submission.source().trim();
        String externalId = submission.externalId().trim();
        Optional<Lead> existing = leads.findBySourceAndExternalId(source, externalId);
        if (existing.isPresent()) {
            return new Received(existing.get(), false);
        }
        var account = submission.account();
        var contact = submission.contact();
        String domain = normalizeDomain(account.domain());
        long accountId = prospects.upsertAccount(account.name().trim(), domain, blankToNull(account.industry()),
                account.country(), account.region(), account.employees(), account.annualRevenue());
        long contactId = prospects.upsertContact(accountId, contact.firstName().trim(), contact.lastName().trim(),
                LowerCaseSize.Validator.stored(contact.email()), blankToNull(contact.phone()),
                blankToNull(contact.title()));
        String language = submission.language() == null ? null : IsoLanguage.Validator.stored(submission.language());
        long leadId = leads.insert(source, externalId, blankToNull(submission.campaign()), submission.product().trim(),
                submission.score(), blankToNull(submission.notes()), language, accountId, contactId);
        events.record(leadId, LeadEventType.CREATED, actor, null, "from " + source + " (" + externalId + ")");

        LeadFacts facts = new LeadFacts(leadId, submission.score(), account.employees(),
                account.annualRevenue() == null ? null : account.annualRevenue().doubleValue(), account.country(),
                submission.product().trim(), blankToNull(account.industry()), account.name().trim(), domain,
                blankToNull(submission.campaign()));
        runtime.startProcessInstanceByKey(LeadVariables.PROCESS_KEY, Long.toString(leadId), facts.asVariables());
        log.info("lead {}: received from {} ({}) for {} at {}", leadId, source, externalId, submission.product(),
                domain);
        return new Received(leads.get(leadId), true);
    }

    static String normalizeDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.startsWith("www.") ? d.substring(4) : d;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
