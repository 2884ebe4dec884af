package io.leadbridge.partner;

import io.leadbridge.config.LeadClock;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reps' profiles and the partner's dispatch settings: the partner's lead managers and channel
 * managers change them; a rep reads its own profile, vendor users read all.
 */
@Service
public class RepProfiles {

    private final PartnerService partners;
    private final RepProfileRepository profiles;
    private final PartnerDispatchRepository dispatches;
    private final LeadClock clock;

    RepProfiles(PartnerService partners, RepProfileRepository profiles, PartnerDispatchRepository dispatches,
            LeadClock clock) {
        this.partners = partners;
        this.profiles = profiles;
        this.dispatches = dispatches;
        this.clock = clock;
    }

    /** The rep's profile: 404 while it has none (it takes no part in automatic dispatch). */
    @Transactional(readOnly = true)
    public RepProfile profile(String partnerId, String username, Caller caller) {
        partners.get(partnerId);
        if (caller.isPartnerUser() && !(mayDispatch(partnerId, caller) && partnerId.equals(caller.partnerId()))
                && !username.equals(caller.username())) {
            throw ApiException.forbidden("only the partner's lead managers and the rep itself may see its profile");
        }
        partners.rep(partnerId, username);
        return profiles.find(username).orElseThrow(() -> ApiException.notFound("rep '" + username
                + "' has no profile yet; a rep without one is not dispatched offers automatically"));
    }

    @Transactional
    public RepProfile saveProfile(String partnerId, String username, RepProfileRequest request, Caller caller) {
        requireDispatcher(partnerId, caller);
        partners.rep(partnerId, username);
        if (request.standIn() != null) {
            if (request.standIn().equals(username)) {
                throw new InvalidInputException("standIn", "must be another rep than the one who is away");
            }
            PartnerRep standIn = partners.findRepOrNull(request.standIn());
            if (standIn == null || !standIn.partnerId().equals(partnerId)) {
                throw new InvalidInputException("standIn", "'" + request.standIn() + "' is no rep of partner '"
                        + partnerId + "'");
            }
        }
        profiles.save(new RepProfile(username, partnerId, request.capacity(), copy(request.countries()),
                copy(request.regions()), copy(request.products()), copy(request.industries()),
                copy(request.languages()), request.awayFrom(), request.awayUntil(), request.standIn(), clock.now(),
                caller.username()));
        return profiles.find(username).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PartnerDispatch dispatch(String partnerId, Caller caller) {
        partners.get(partnerId);
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner");
        }
        return dispatches.find(partnerId);
    }

    @Transactional
    public PartnerDispatch saveDispatch(String partnerId, boolean teamQueue, boolean manualDispatch, Caller caller) {
        requireDispatcher(partnerId, caller);
        dispatches.save(new PartnerDispatch(partnerId, teamQueue, manualDispatch), clock.now(), caller.username());
        return dispatches.find(partnerId);
    }

    /** Channel managers, and the partner's own lead managers. */
    private void requireDispatcher(String partnerId, Caller caller) {
        partners.get(partnerId);
        if (!mayDispatch(partnerId, caller)) {
            throw ApiException.forbidden("only the partner's lead managers and channel managers may change this");
        }
    }

    private static boolean mayDispatch(String partnerId, Caller caller) {
        return caller.isChannelManager() || (caller.isLeadManager() && partnerId.equals(caller.partnerId()));
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }
}
