package io.leadbridge.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Partners' webhooks ({@code partner_webhook}); their deliveries are {@link WebhookDeliveryRepository}'s. */
interface WebhookRepository extends ListCrudRepository<Webhook, String> {

    /**
     * The partner's webhooks, oldest first. Written out: every lead event that names a partner asks
     * it, and a derived query is worked out anew at every call.
     */
    @Query("select * from partner_webhook where partner_id = :partnerId order by created_at, id")
    List<Webhook> ofPartnerOldestFirst(String partnerId);

    Optional<Webhook> findByIdAndPartnerId(String id, String partnerId);
}
