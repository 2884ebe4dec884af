package io.leadbridge.webhook;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' webhooks ({@code partner_webhook}) and the delivery log ({@code webhook_delivery}). */
@Repository
class WebhookRepository {

    /** The length of webhook_delivery.last_error. */
    static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;
    private final LeadClock clock;

    WebhookRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Webhook webhook) {
        jdbc.sql("""
                insert into partner_webhook (id, partner_id, url, events, secret, created_by, created_at)
                values (:id, :partnerId, :url, :events, :secret, :createdBy, :createdAt)""")
                .param("id", webhook.id()).param("partnerId", webhook.partnerId()).param("url", webhook.url())
                .param("events", webhook.events().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("secret", webhook.secret()).param("createdBy", webhook.createdBy())
                .param("createdAt", Timestamp.from(webhook.createdAt()))
                .update();
    }

    List<Webhook> forPartner(String partnerId) {
        return jdbc.sql("select * from partner_webhook where partner_id = :partnerId order by created_at, id")
                .param("partnerId", partnerId).query(WebhookRepository::webhook).list();
    }

    Optional<Webhook> find(String partnerId, String webhookId) {
        return jdbc.sql("select * from partner_webhook where id = :id and partner_id = :partnerId")
                .param("id", webhookId).param("partnerId", partnerId).query(WebhookRepository::webhook).optional();
    }

    Optional<Webhook> findById(String webhookId) {
        return jdbc.sql("select * from partner_webhook where id = :id")
                .param("id", webhookId).query(WebhookRepository::webhook).optional();
    }

    /** Removes the webhook and its delivery log. */
    void delete(String webhookId) {
        jdbc.sql("delete from webhook_delivery where webhook_id = :id").param("id", webhookId).update();
        jdbc.sql("delete from partner_webhook where id = :id").param("id", webhookId).update();
    }

    void addDelivery(String deliveryId, Webhook webhook, Long leadId, WebhookEvent event, String payload,
            Instant createdAt) {
        jdbc.sql("""
                insert into webhook_delivery (id, webhook_id, partner_id, lead_id, event, payload, status, attempts,
                                              created_at)
                values (:id, :webhookId, :partnerId, :leadId, :event, :payload, 'PENDING', 0, :createdAt)""")
                .param("id", deliveryId).param("webhookId", webhook.id()).param("partnerId", webhook.partnerId())
                .param("leadId", leadId).param("event", event.name()).param("payload", payload)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    Optional<WebhookDelivery> delivery(String deliveryId) {
        return jdbc.sql("select * from webhook_delivery where id = :id")
                .param("id", deliveryId).query(WebhookRepository::delivery).optional();
    }

    /** The webhook's deliveries, newest first. */
    List<WebhookDelivery> deliveries(String webhookId) {
        return jdbc.sql("select * from webhook_delivery where webhook_id = :webhookId order by created_at desc, id")
                .param("webhookId", webhookId).query(WebhookRepository::delivery).list();
    }

    List<String> pendingDeliveryIds(String webhookId) {
        return jdbc.sql("select id from webhook_delivery where webhook_id = :webhookId and status <> 'DELIVERED'")
                .param("webhookId", webhookId).query(String.class).list();
    }

    /** Counts an attempt: its HTTP status (null when no answer came) and error; a 2xx marks the delivery delivered. */
    void recordAttempt(String deliveryId, Integer statusCode, String error, boolean delivered) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                update webhook_delivery set attempts = attempts + 1, last_status_code = :statusCode,
                       last_error = :error, last_attempt_at = :now,
                       status = :status, delivered_at = :deliveredAt
                where id = :id""")
                .param("id", deliveryId).param("statusCode", statusCode)
                .param("error", error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR))
                .param("now", now)
                .param("status", (delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING).name())
                .param("deliveredAt", delivered ? now : null)
                .update();
    }

    void markStatus(String deliveryId, DeliveryStatus status) {
        jdbc.sql("update webhook_delivery set status = :status where id = :id and status <> 'DELIVERED'")
                .param("id", deliveryId).param("status", status.name()).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(rs.getString("events").split(",")).filter(e -> !e.isBlank())
                .forEach(e -> events.add(WebhookEvent.valueOf(e)));
        return new Webhook(rs.getString("id"), rs.getString("partner_id"), rs.getString("url"), events,
                rs.getString("secret"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("partner_id"),
                rs.getObject("lead_id", Long.class), WebhookEvent.valueOf(rs.getString("event")),
                rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
