package io.leadbridge.partner;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.security.AccessProvisioning;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up upkeep ({@code leadbridge.upkeep-on-start}): every partner's lead managers can look up
 * each of their partner's people in Tasklist, which they need to give an offer to a rep there.
 * People added before that grant existed, in a database of an earlier version, get it now; a
 * partner without lead managers is skipped. One look-up of the grants per partner with managers.
 */
@Component
class ManagersKnowTheirPeople {

    private static final Logger log = LoggerFactory.getLogger(ManagersKnowTheirPeople.class);

    private final PartnerRepository partners;
    private final AccessProvisioning access;
    private final LeadbridgeProperties properties;

    ManagersKnowTheirPeople(PartnerRepository partners, AccessProvisioning access, LeadbridgeProperties properties) {
        this.partners = partners;
        this.access = access;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.upkeepOnStart()) {
            int granted = grantMissing();
            if (granted > 0) {
                log.info("lead managers can now look up {} more of their partners' people in Tasklist", granted);
            }
        }
    }

    /** Grants the lead managers of every partner that has some the people they cannot look up yet. */
    int grantMissing() {
        return partners.findAll().stream().mapToInt(partner -> grantMissing(partner.id())).sum();
    }

    /** Grants the partner's lead managers, if it has some, the people they cannot look up yet. */
    int grantMissing(String partnerId) {
        if (partners.findLeadManagers(partnerId).isEmpty()) {
            return 0;
        }
        int granted = 0;
        Set<String> known = access.knownToManagersOf(partnerId);
        for (PartnerRep person : partners.findReps(partnerId)) {
            if (!known.contains(person.username())) {
                access.knownToManagers(person.username(), partnerId);
                granted++;
            }
        }
        return granted;
    }
}
