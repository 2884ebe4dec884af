package io.leadbridge.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** Partners' webhooks ({@code partner_webhook}); their deliveries are {@link WebhookDeliveryRepository}'s. */
interface WebhookRepository extends ListCrudRepository<Webhook, String> {

    List<Webhook> findByPartnerIdOrderByCreatedAtAscIdAsc(String partnerId);

    Optional<Webhook> findByIdAndPartnerId(String id, String partnerId);
}
