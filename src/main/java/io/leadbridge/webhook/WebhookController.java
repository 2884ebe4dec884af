package io.leadbridge.webhook;

import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's outbound webhooks and their delivery log. Channel managers manage any partner's;
 * a partner's own users manage their partner's; nobody else sees them.
 */
@RestController
@RequestMapping("/api/partners/{id}/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final PartnerRepository partners;
    private final CallerProvider callers;

    WebhookController(Webhooks webhooks, PartnerRepository partners, CallerProvider callers) {
        this.webhooks = webhooks;
        this.partners = partners;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<RegisteredWebhook> register(@PathVariable String id, @Valid @RequestBody WebhookRequest request) {
        Caller caller = requireChange(id);
        Webhook webhook = webhooks.register(id, request.url(), request.events(), caller.username());
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/webhooks/" + webhook.id()))
                .body(RegisteredWebhook.of(webhook));
    }

    @GetMapping
    List<WebhookView> list(@PathVariable String id) {
        requireAccess(id);
        return webhooks.list(id).stream().map(WebhookView::of).toList();
    }

    @DeleteMapping("/{webhookId}")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String webhookId) {
        Caller caller = requireChange(id);
        webhooks.remove(id, webhookId, caller.username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{webhookId}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String id, @PathVariable String webhookId) {
        requireAccess(id);
        return webhooks.deliveries(id, webhookId).stream().map(DeliveryView::of).toList();
    }

    /** Channel managers, or the partner's own users; then the partner must exist. */
    /**
     * Registering or removing a webhook takes a person: a partner CRM's credential may read
     * webhooks but not add one, so a leaked secret cannot set up a feed that outlives its revocation.
     */
    private Caller requireChange(String partnerId) {
        Caller caller = requireAccess(partnerId);
        if (caller.isPartnerCrm()) {
            throw ApiException.forbidden("a partner CRM's credential cannot register or remove webhooks; a person must");
        }
        return caller;
    }

    private Caller requireAccess(String partnerId) {
        Caller caller = callers.current();
        boolean ownPartner = caller.isPartnerUser() && partnerId.equals(caller.partnerId());
        if (!caller.isChannelManager() && !ownPartner) {
            throw ApiException.forbidden("only channel managers and the partner's own users may manage its webhooks");
        }
        if (!partners.exists(partnerId)) {
            throw ApiException.notFound("partner '" + partnerId + "' does not exist");
        }
        return caller;
    }

    /** {@code events} left out or empty: every event. */
    record WebhookRequest(@NotBlank @Size(max = 2000) String url, Set<WebhookEvent> events) {
    }

    /** The answer to a registration: the only time the signing secret is shown. */
    record RegisteredWebhook(String id, String partnerId, String url, Set<WebhookEvent> events, String secret,
            Instant createdAt) {
        static RegisteredWebhook of(Webhook w) {
            return new RegisteredWebhook(w.id(), w.partnerId(), w.url(), new TreeSet<>(w.events()), w.secret(),
                    w.createdAt());
        }
    }

    /** A webhook as listed: never its secret. */
    record WebhookView(String id, String partnerId, String url, Set<WebhookEvent> events, String createdBy,
            Instant createdAt) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.partnerId(), w.url(), new TreeSet<>(w.events()), w.createdBy(),
                    w.createdAt());
        }
    }

    /** A row of the delivery log. */
    record DeliveryView(String id, WebhookEvent event, Long leadId, DeliveryStatus status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.event(), d.leadId(), d.status(), d.attempts(), d.lastStatusCode(),
                    DeliveryError.shown(d.lastError(), d.lastStatusCode()), d.createdAt(), d.lastAttemptAt(),
                    d.deliveredAt());
        }
    }
}
