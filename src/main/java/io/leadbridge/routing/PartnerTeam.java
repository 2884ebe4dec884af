package io.leadbridge.routing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.RepProfile;
import io.leadbridge.partner.RepProfileRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's team as dispatch sees it now: each rep and lead manager with its role, its profile (if
 * any), how many open leads it holds against its capacity and whether it is out of office. Vendor
 * users, the partner's lead managers and its CRM see the whole team; a rep its own row.
 */
@Service
class PartnerTeam {

    private final PartnerService partners;
    private final RepProfileRepository profiles;
    private final RepAssignmentLog assignments;
    private final LeadClock clock;

    PartnerTeam(PartnerService partners, RepProfileRepository profiles, RepAssignmentLog assignments,
            LeadClock clock) {
        this.partners = partners;
        this.profiles = profiles;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Team of(String partnerId, Caller caller) {
        partners.get(partnerId);
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner's team");
        }
        Map<String, RepProfile> byRep = profiles.findByPartner(partnerId).stream()
                .collect(Collectors.toMap(RepProfile::username, Function.identity()));
        Map<String, Integer> open = assignments.openLeads(partnerId);
        boolean everyone = !caller.isPlainRep();
        List<Member> members = new ArrayList<>();
        for (PartnerRep rep : partners.reps(partnerId)) {
            if (everyone || rep.username().equals(caller.username())) {
                RepProfile profile = byRep.get(rep.username());
                members.add(new Member(rep.username(), rep.firstName(), rep.lastName(), rep.email(), rep.role(),
                        open.getOrDefault(rep.username(), 0), profile != null && profile.awayAt(clock.now()),
                        profile));
            }
        }
        return new Team(partnerId, members);
    }

    /** The partner's people the caller may see. */
    record Team(String partnerId, List<Member> members) {
    }

    /**
     * One person of the partner: {@code openLeads} counts the offers it holds and the leads it accepted
     * and still works (what its profile's capacity limits); {@code awayNow} is its out of office at this
     * moment; {@code profile} is left out while it has none (then it gets no offers automatically).
     */
    record Member(String username, String firstName, String lastName, String email, PartnerRole role,
            int openLeads, boolean awayNow, RepProfile profile) {
    }
}
