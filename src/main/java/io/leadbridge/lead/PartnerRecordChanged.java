package io.leadbridge.lead;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Something routing counts of a partner changed in the current transaction: an offer of a lead
 * opened or ended, a lead it holds (or held) changed, a strike was recorded against it. Routing
 * recounts the partner just before the transaction commits ({@code routing.PartnerRoutingStats}).
 */
public record PartnerRecordChanged(String partnerId) {

    /** Tells the listeners, if there is a partner to tell them about. */
    public static void publish(ApplicationEventPublisher publisher, String partnerId) {
        if (partnerId != null) {
            publisher.publishEvent(new PartnerRecordChanged(partnerId));
        }
    }
}
