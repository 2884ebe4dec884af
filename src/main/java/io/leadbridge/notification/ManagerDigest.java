package io.leadbridge.notification;

import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.security.VendorGroups;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lead managers' daily digest: once a day, from {@code leadbridge.notifications.manager-digest.at}
 * in the partner's time zone, each partner with open offers mails its lead managers one list: the
 * offers waiting for acceptance (oldest first), then the accepted leads waiting for first contact,
 * each with its rep, age, SLA due time and Tasklist link. A partner without open offers, or without
 * lead managers, gets none. The {@code manager_digest} row, written in the same transaction as the
 * mails and unique per partner and local day, makes it once a day also with several nodes. Time is
 * the engine's clock ({@link LeadClock}), so tests move it as they move timers.
 */
@Service
public class ManagerDigest {

    private static final Logger log = LoggerFactory.getLogger(ManagerDigest.class);
    /** The lifecycle's user tasks a digest line links to (ids of {@code processes/lead-lifecycle.bpmn}). */
    private static final String ACCEPT_TASK = "Task_AcceptLead";
    private static final String CONTACT_TASK = "Task_ContactProspect";

    private final ManagerDigestProperties properties;
    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final WorkingCalendars calendars;
    private final PartnerRepository partners;
    private final Notifier notifier;
    private final NotificationDelivery delivery;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final String tasklist;

    ManagerDigest(ManagerDigestProperties properties, JdbcClient jdbc, LeadClock clock, WorkingCalendars calendars,
            PartnerRepository partners, Notifier notifier, NotificationDelivery delivery, TaskService tasks,
            TransactionTemplate transaction, LeadbridgeProperties leadbridge) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendars = calendars;
        this.partners = partners;
        this.notifier = notifier;
        this.delivery = delivery;
        this.tasks = tasks;
        this.transaction = transaction;
        this.tasklist = leadbridge.publicUrl() + "/camunda/app/tasklist/";
    }

    /** One lead of a digest: what, who holds it, since when, when it is due, and where to open it. */
    public record Line(long leadId, String account, String product, String repUsername, Instant since, Instant dueAt,
            String link) {
    }

    @Scheduled(fixedDelayString = "${leadbridge.notifications.manager-digest.poll-interval:5m}",
            initialDelayString = "${leadbridge.notifications.manager-digest.poll-interval:5m}")
    void poll() {
        if (properties.background()) {
            writeDue();
        }
    }

    /** Writes every digest that is due now and not yet written today; returns how many partners got one. */
    public int writeDue() {
        if (!properties.enabled()) {
            return 0;
        }
        int written = 0;
        List<String> withOpenOffers = jdbc.sql("select distinct partner_id from lead_offer where outcome is null")
                .query(String.class).list();
        for (String partnerId : withOpenOffers) {
            try {
                Boolean done = transaction.execute(status -> write(partnerId));
                written += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DuplicateKeyException anotherNode) {
                log.info("partner {}: today's lead manager digest was written by another node", partnerId);
            }
        }
        return written;
    }

    private boolean write(String partnerId) {
        Instant now = clock.now();
        ZonedDateTime local = now.atZone(calendars.zoneOf(partnerId));
        if (local.toLocalTime().isBefore(properties.at())) {
            return false;
        }
        LocalDate day = local.toLocalDate();
        boolean written = jdbc.sql("select count(*) from manager_digest where partner_id = :p and digest_date = :d")
                .param("p", partnerId).param("d", Date.valueOf(day)).query(Integer.class).single() > 0;
        List<String> managers = partners.findLeadManagers(partnerId).stream().map(PartnerRep::email)
                .filter(e -> e != null && !e.isBlank()).toList();
        if (written || managers.isEmpty()) {
            return false;
        }
        List<Line> waiting = waiting(partnerId);
        if (waiting.isEmpty()) {
            return false;
        }
        jdbc.sql("""
                insert into manager_digest (partner_id, digest_date, written_at, open_offers)
                values (:p, :d, :now, :offers)""")
                .param("p", partnerId).param("d", Date.valueOf(day)).param("now", Timestamp.from(now))
                .param("offers", waiting.size()).update();
        List<Line> accepted = accepted(partnerId);
        delivery.handOver(notifier.managerDigest(partnerId, managers, day, now, waiting, accepted));
        log.info("partner {}: lead manager digest of {} with {} open offer(s) and {} lead(s) to contact to {}",
                partnerId, day, waiting.size(), accepted.size(), managers);
        return true;
    }

    /** The partner's open offers, oldest first; the holder is the rep its dispatch chose, or none. */
    private List<Line> waiting(String partnerId) {
        return jdbc.sql("""
                select lo.lead_id, a.name, l.product, lo.offered_at, lo.accept_due_at,
                       coalesce((select ra.rep_username from rep_assignment ra where ra.id =
                                    (select max(r.id) from rep_assignment r where r.lead_id = lo.lead_id
                                     and r.partner_id = lo.partner_id and r.ended_at is null)),
                                case when l.partner_id = lo.partner_id then l.rep_username end) rep
                from lead_offer lo join lead l on l.id = lo.lead_id join account a on a.id = l.account_id
                where lo.partner_id = :p and lo.outcome is null
                order by lo.offered_at, lo.lead_id""")
                .param("p", partnerId)
                .query((rs, row) -> line(rs, instant(rs, "offered_at"), instant(rs, "accept_due_at"),
                        link(rs.getLong("lead_id"), tasks.createTaskQuery().taskDefinitionKey(ACCEPT_TASK)
                                .taskCandidateGroup(VendorGroups.managersGroupOf(partnerId)).includeAssignedTasks())))
                .list();
    }

    /** The partner's accepted leads still waiting for first contact, accepted longest ago first. */
    private List<Line> accepted(String partnerId) {
        return jdbc.sql("""
                select l.id lead_id, a.name, l.product, l.rep_username rep, l.sla_due_at,
                       (select max(lo.closed_at) from lead_offer lo where lo.lead_id = l.id
                        and lo.partner_id = l.partner_id and lo.outcome = 'ACCEPTED') accepted_at
                from lead l join account a on a.id = l.account_id
                where l.partner_id = :p and l.status = 'ACCEPTED'
                order by accepted_at, l.id""")
                .param("p", partnerId)
                .query((rs, row) -> line(rs, instant(rs, "accepted_at"), instant(rs, "sla_due_at"),
                        link(rs.getLong("lead_id"), tasks.createTaskQuery().taskDefinitionKey(CONTACT_TASK))))
                .list();
    }

    private static Line line(ResultSet rs, Instant since, Instant dueAt, String link) throws SQLException {
        return new Line(rs.getLong("lead_id"), rs.getString("name"), rs.getString("product"), rs.getString("rep"),
                since, dueAt, link);
    }

    /** The lead's task in Tasklist, or Tasklist itself when the task is not (or no longer) there. */
    private String link(long leadId, TaskQuery query) {
        List<Task> found = query.processInstanceBusinessKey(Long.toString(leadId)).list();
        return found.isEmpty() ? tasklist : tasklist + "default/#/?task=" + found.get(0).getId();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
