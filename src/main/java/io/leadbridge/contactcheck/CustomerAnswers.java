package io.leadbridge.contactcheck;

import io.leadbridge.config.LeadClock;
import io.leadbridge.database.RetriedOnDeadlock;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of a contact check, reached by the signed token of the mail's links and
 * nothing else: what the page may show (the partner's name and the product, no more), the answer
 * (once), and the opt-out. A token that is not ours, or names no sent check, is {@code INVALID}
 * whatever the reason, so a guess learns nothing.
 */
@Service
class CustomerAnswers {

    private static final Logger log = LoggerFactory.getLogger(CustomerAnswers.class);

    private final ContactCheckTokens tokens;
    private final ContactCheckRepository checks;
    private final ContactChecks contactChecks;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final RuntimeService runtime;
    private final LeadClock clock;

    CustomerAnswers(ContactCheckTokens tokens, ContactCheckRepository checks, ContactChecks contactChecks,
            LeadRepository leads, LeadEventLog events, RuntimeService runtime, LeadClock clock) {
        this.tokens = tokens;
        this.checks = checks;
        this.contactChecks = contactChecks;
        this.leads = leads;
        this.events = events;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Where a link stands. */
    enum LinkState {
        /** Waiting for the answer. */
        OPEN,
        /** This request recorded the answer, or the opt-out. */
        DONE,
        /** Answered before. */
        ANSWERED,
        /** The answer window is over. */
        EXPIRED,
        /** Not a link of ours. */
        INVALID
    }

    /** What the page of a link shows: its state and, for a good link, the partner's name and the product. */
    record CustomerLink(LinkState state, String partnerName, String product) {

        static final CustomerLink INVALID = new CustomerLink(LinkState.INVALID, null, null);

        CustomerLink in(LinkState other) {
            return new CustomerLink(other, partnerName, product);
        }
    }

    /** For the page: reads, never writes (mail scanners open links). */
    @Transactional(readOnly = true)
    CustomerLink look(String token) {
        return resolve(token, false).link();
    }

    /**
     * Records the answer and moves the check's process on, once. Anything but an open link changes nothing.
     * A run that loses a deadlock (the check's own timer, the lead's jobs) is run again.
     */
    @RetriedOnDeadlock
    @Transactional
    CustomerLink answer(String token, CustomerAnswer answer) {
        Resolved resolved = resolve(token, true);
        if (resolved.link().state() != LinkState.OPEN) {
            return resolved.link();
        }
        String checkId = resolved.check().id();
        if (runtime.createExecutionQuery().processInstanceBusinessKey(checkId)
                .messageEventSubscriptionName(ContactCheckVariables.MESSAGE_ANSWERED).count() == 0) {
            log.warn("lead {}: contact check {} is SENT but its process waits for no answer", resolved.check().leadId(),
                    checkId);
            return resolved.link().in(LinkState.EXPIRED);
        }
        runtime.createMessageCorrelation(ContactCheckVariables.MESSAGE_ANSWERED)
                .processInstanceBusinessKey(checkId)
                .setVariable(ContactCheckVariables.CUSTOMER_ANSWER, answer.name())
                .correlateWithResult();
        return resolved.link().in(LinkState.DONE);
    }

    /**
     * The customer asks not to be asked again: the contact gets no further checks, which the lead
     * records. Works while the link works, answered or not; a second opt-out changes nothing. Run again
     * when it loses a deadlock.
     */
    @RetriedOnDeadlock
    @Transactional
    CustomerLink optOut(String token) {
        Resolved resolved = resolve(token, true);
        LinkState state = resolved.link().state();
        if (state != LinkState.OPEN && state != LinkState.ANSWERED) {
            return resolved.link();
        }
        ContactCheck check = resolved.check();
        if (checks.optOut(check.contactId())) {
            events.record(check.leadId(), LeadEventType.CUSTOMER_OPTED_OUT, ContactChecks.CUSTOMER, check.partnerId(),
                    "the contact asked not to be asked again whether a partner contacted them");
            log.info("lead {}: contact {} opted out of customer contact checks", check.leadId(), check.contactId());
        }
        return resolved.link().in(LinkState.DONE);
    }

    private record Resolved(CustomerLink link, ContactCheck check) {
    }

    private Resolved resolve(String token, boolean lock) {
        Optional<ContactCheckTokens.Claim> claim = tokens.read(token);
        if (claim.isEmpty()) {
            return new Resolved(CustomerLink.INVALID, null);
        }
        String id = claim.get().checkId();
        Optional<ContactCheck> found = lock ? checks.findAndLockById(id) : checks.findById(id);
        if (found.isEmpty() || found.get().sentAt() == null) {
            return new Resolved(CustomerLink.INVALID, null);
        }
        ContactCheck check = found.get();
        CustomerLink link = new CustomerLink(LinkState.OPEN, contactChecks.partnerName(check.partnerId()),
                leads.get(check.leadId()).product());
        if (!clock.now().isBefore(claim.get().expiresAt()) || check.status() == ContactCheckStatus.UNANSWERED) {
            return new Resolved(link.in(LinkState.EXPIRED), check);
        }
        if (check.status() == ContactCheckStatus.CONFIRMED || check.status() == ContactCheckStatus.DENIED) {
            return new Resolved(link.in(LinkState.ANSWERED), check);
        }
        return new Resolved(link, check);
    }
}
