package io.leadbridge.opportunity;

import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes what a rep reports on a contacted lead: progress notes, the opportunity and its changes,
 * the close as won or lost; and what the status update cadence notices (missed updates, a deal
 * past its close date). Every change is an event on the lead's timeline. Runs inside the process
 * step that received the report, after {@link DealRules} accepted it.
 */
@Service
public class DealProgress {

    private static final Logger log = LoggerFactory.getLogger(DealProgress.class);

    private final LeadRepository leads;
    private final OpportunityRepository opportunities;
    private final LeadEventLog events;
    private final LeadClock clock;

    DealProgress(LeadRepository leads, OpportunityRepository opportunities, LeadEventLog events, LeadClock clock) {
        this.leads = leads;
        this.opportunities = opportunities;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.now().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Checks the report against the lead as it stands now; see {@link DealRules#check}. */
    public void check(Lead lead, StatusUpdate update) {
        DealRules.check(lead.id(), lead.status(), opportunities.find(lead.id()), update, today());
    }

    /** Whether the details change the lead's opportunity (beyond a note); false without an opportunity. */
    public boolean changesOpportunity(long leadId, StatusUpdate details) {
        return opportunities.find(leadId).map(o -> DealRules.changes(o, details)).orElse(false);
    }

    /** Applies an accepted report; returns the lead's status afterwards. */
    public LeadStatus apply(long leadId, StatusUpdate update, String actor) {
        Lead lead = leads.get(leadId);
        Optional<Opportunity> current = opportunities.find(leadId);
        // A report after a missed status update cycle came late (the reward-points table scores it lower).
        boolean inTime = leads.statusUpdates(leadId).missed() == 0;
        LeadStatus after = switch (update.action()) {
            case NOTE -> {
                leads.statusUpdated(leadId, lead.status());
                events.recordTimed(leadId, LeadEventType.STATUS_UPDATED, actor, lead.partnerId(), update.note(), inTime);
                yield lead.status();
            }
            case CONVERT -> {
                OpportunityStage stage = update.stage() == null ? OpportunityStage.QUALIFICATION : update.stage();
                opportunities.insert(leadId, lead.partnerId(), lead.repUsername(), stage, update.amount(),
                        update.currency(), update.expectedCloseDate(), update.products());
                leads.statusUpdated(leadId, LeadStatus.OPPORTUNITY);
                events.record(leadId, LeadEventType.OPPORTUNITY_CREATED, actor, lead.partnerId(),
                        withNote(stage + ", " + money(update.amount(), update.currency()) + ", expected to close on "
                                + update.expectedCloseDate()
                                + (update.products().isEmpty() ? "" : ", products: " + String.join(", ", update.products())),
                                update.note()));
                yield LeadStatus.OPPORTUNITY;
            }
            case UPDATE -> {
                Opportunity before = current.orElseThrow();
                Opportunity changed = changed(before, update);
                opportunities.update(changed);
                leads.statusUpdated(leadId, LeadStatus.OPPORTUNITY);
                String changes = describeChanges(before, changed);
                events.recordTimed(leadId, changes.isEmpty() ? LeadEventType.STATUS_UPDATED
                        : LeadEventType.OPPORTUNITY_UPDATED, actor, lead.partnerId(), withNote(changes, update.note()), inTime);
                yield LeadStatus.OPPORTUNITY;
            }
            case WON -> {
                String currency = update.currency() != null ? update.currency() : current.orElseThrow().currency();
                if (current.isEmpty()) {
                    opportunities.insert(leadId, lead.partnerId(), lead.repUsername(), OpportunityStage.QUALIFICATION,
                            update.amount(), currency, today(), update.products());
                }
                opportunities.closeWon(leadId, update.amount(), currency, update.note());
                leads.close(leadId, LeadStatus.WON, null);
                events.record(leadId, LeadEventType.WON, actor, lead.partnerId(),
                        withNote("final amount " + money(update.amount(), currency), update.note()));
                yield LeadStatus.WON;
            }
            case LOST -> {
                if (current.isPresent()) {
                    opportunities.closeLost(leadId, update.lostReason(), update.note());
                }
                leads.close(leadId, LeadStatus.LOST, update.lostReason().name());
                events.record(leadId, LeadEventType.LOST, actor, lead.partnerId(),
                        withNote(update.lostReason().name(), update.note()));
                yield LeadStatus.LOST;
            }
        };
        log.info("lead {}: {} reported by {}", leadId, update.action(), actor);
        return after;
    }

    /**
     * A status update cycle passed without a report: counts it on the lead, and flags an open
     * opportunity past its expected close date once per close date.
     */
    public MissedUpdate statusUpdateMissed(long leadId) {
        Lead lead = leads.get(leadId);
        int missed = leads.statusUpdateMissed(leadId);
        events.record(leadId, LeadEventType.STATUS_UPDATE_MISSED, LeadEvent.SYSTEM, lead.partnerId(),
                missed + " status update(s) missed by " + lead.repUsername());
        boolean stale = false;
        Optional<Opportunity> opportunity = opportunities.find(leadId);
        if (opportunity.isPresent() && opportunity.get().isStale(today(), leads.statusUpdates(leadId).lastAt())) {
            stale = true;
            String detail = "expected to close on " + opportunity.get().expectedCloseDate() + "; no update since";
            if (!events.exists(leadId, LeadEventType.OPPORTUNITY_STALE, lead.partnerId(), detail)) {
                events.record(leadId, LeadEventType.OPPORTUNITY_STALE, LeadEvent.SYSTEM, lead.partnerId(), detail);
            }
        }
        return new MissedUpdate(missed, stale);
    }

    /** How many status updates are overdue in a row, and whether the opportunity is past its close date. */
    public record MissedUpdate(int missed, boolean stale) {
    }

    private static Opportunity changed(Opportunity before, StatusUpdate update) {
        return new Opportunity(before.leadId(), before.partnerId(), before.repUsername(),
                update.stage() == null ? before.stage() : update.stage(),
                update.amount() == null ? before.amount() : update.amount(),
                update.currency() == null ? before.currency() : update.currency(),
                update.expectedCloseDate() == null ? before.expectedCloseDate() : update.expectedCloseDate(),
                update.products().isEmpty() ? before.products() : update.products(),
                before.finalAmount(), before.lostReason(), before.closeNote(), before.createdAt(), before.updatedAt(),
                before.closedAt());
    }

    private static String describeChanges(Opportunity before, Opportunity after) {
        List<String> changes = new ArrayList<>();
        if (before.stage() != after.stage()) {
            changes.add("stage " + before.stage() + " → " + after.stage());
        }
        if (before.amount().compareTo(after.amount()) != 0 || !before.currency().equals(after.currency())) {
            changes.add("amount " + money(before.amount(), before.currency()) + " → "
                    + money(after.amount(), after.currency()));
        }
        if (!before.expectedCloseDate().equals(after.expectedCloseDate())) {
            changes.add("expected close " + before.expectedCloseDate() + " → " + after.expectedCloseDate());
        }
        if (!before.products().equals(after.products())) {
            changes.add("products: " + String.join(", ", after.products()));
        }
        return String.join("; ", changes);
    }

    private static String withNote(String text, String note) {
        if (note == null) {
            return text;
        }
        return text.isEmpty() ? note : text + ": " + note;
    }

    static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + currency;
    }
}
