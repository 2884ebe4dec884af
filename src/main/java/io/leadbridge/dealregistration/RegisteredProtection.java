package io.leadbridge.dealregistration;

import io.leadbridge.config.LeadClock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account protection through deal registration: the partner whose approved registration covers
 * an account and product now, the earliest approved first. The lead lifecycle's "Check account
 * protection" asks it when the named-account table leaves the account open.
 */
@Component
public class RegisteredProtection {

    private final DealRegistrationRepository registrations;
    private final LeadClock clock;

    RegisteredProtection(DealRegistrationRepository registrations, LeadClock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Protector> of(long accountId, String product) {
        return registrations.protecting(accountId, product, clock.now()).stream().findFirst()
                .map(d -> new Protector(d.partnerId(), d.registeredBy(), d.id(), d.protectedUntil()));
    }

    /** The protected partner, who registered the deal, which registration protects it and until when. */
    public record Protector(String partnerId, String registeredBy, long registrationId, java.time.Instant until) {
    }
}
