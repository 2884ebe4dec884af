package io.leadbridge.dashboard;

import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the credentials belong to, so that the dashboard shows a partner user
 * its own partner (and no partner filter) and a vendor user every partner. Any logged-in caller
 * may ask; the answer is about the caller alone.
 */
@RestController
class CallerProfileController {

    private final CallerProvider callers;
    private final IdentityService identity;
    private final PartnerService partners;

    CallerProfileController(CallerProvider callers, IdentityService identity, PartnerService partners) {
        this.callers = callers;
        this.identity = identity;
        this.partners = partners;
    }

    @GetMapping("/api/me")
    CallerProfile me() {
        Caller caller = callers.current();
        // A partner CRM's credential has no Camunda user, so no name.
        User user = caller.isPartnerCrm() ? null : identity.createUserQuery().userId(caller.username()).singleResult();
        CallerProfile.Role role = caller.isChannelManager() ? CallerProfile.Role.CHANNEL_MANAGER
                : caller.isPartnerUser() ? CallerProfile.Role.PARTNER : CallerProfile.Role.VENDOR;
        String partnerId = role == CallerProfile.Role.PARTNER ? caller.partnerId() : null;
        PartnerRole partnerRole = caller.isLeadManager() ? PartnerRole.LEAD_MANAGER
                : caller.isPlainRep() ? PartnerRole.REP : null;
        return new CallerProfile(caller.username(), user == null ? null : user.getFirstName(),
                user == null ? null : user.getLastName(), role, partnerId,
                partnerId == null ? null : partners.get(partnerId).name(), partnerRole,
                caller.groups().stream().sorted().toList());
    }
}
