package io.leadbridge.support;

import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.RepProfileRequest;
import io.leadbridge.partner.RepProfiles;
import io.leadbridge.partner.RepRequest;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** The people of a partner as tests of rep dispatch need them: lead managers, and reps with a profile. */
@TestComponent
public class PartnerPeople {

    private static final Caller CHANNEL_MANAGER = new Caller("carol", Set.of(VendorGroups.CHANNEL_MANAGERS));

    private final PartnerService partners;
    private final RepProfiles profiles;

    PartnerPeople(PartnerService partners, RepProfiles profiles) {
        this.partners = partners;
        this.profiles = profiles;
    }

    /** A new person of the partner in the given role, with the fixtures' password; returns the username. */
    public String person(String partnerId, String prefix, PartnerRole role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        partners.addRep(partnerId, new RepRequest(username, null, null, "Pat Person", username + "@partner.example",
                LeadFixtures.PASSWORD, role));
        return username;
    }

    /** A new rep of the partner whose profile covers the US, for up to five open leads. */
    public String repInTheUs(String partnerId, String prefix) {
        return repIn(partnerId, prefix, "US");
    }

    /** A new rep of the partner whose profile covers the country, for up to five open leads. */
    public String repIn(String partnerId, String prefix, String country) {
        String username = person(partnerId, prefix, PartnerRole.REP);
        profiles.saveProfile(partnerId, username, new RepProfileRequest(5, Set.of(country), null, null, null, null,
                null, null, null), CHANNEL_MANAGER);
        return username;
    }

    /** The partner's lead managers dispatch every offer by hand; its team queue stays on. */
    public void dispatchByHand(String partnerId) {
        profiles.saveDispatch(partnerId, true, true, CHANNEL_MANAGER);
    }
}
