package io.leadbridge.partner;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partners and their reps. Channel managers change them; a rep sees only its own partner. */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final PartnerService service;
    private final PartnerRepository partners;
    private final CallerProvider callers;
    private final StandingLookup standings;

    PartnerController(PartnerService service, PartnerRepository partners, CallerProvider callers,
            StandingLookup standings) {
        this.service = service;
        this.partners = partners;
        this.callers = callers;
        this.standings = standings;
    }

    @PostMapping
    ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerRequest request) {
        requireChannelManager();
        Partner partner = service.create(request);
        return ResponseEntity.created(URI.create("/api/partners/" + partner.id())).body(view(partner));
    }

    @GetMapping
    List<PartnerView> list() {
        Caller caller = callers.current();
        return partners.findAll().stream()
                .filter(p -> !caller.isPartnerUser() || p.id().equals(caller.partnerId()))
                .map(this::view)
                .toList();
    }

    @GetMapping("/{id}")
    PartnerView get(@PathVariable String id) {
        Caller caller = callers.current();
        if (caller.isPartnerUser() && !id.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner");
        }
        return view(service.get(id));
    }

    @PutMapping("/{id}")
    PartnerView update(@PathVariable String id, @Valid @RequestBody PartnerRequest request) {
        requireChannelManager();
        return view(service.update(id, request));
    }

    @PostMapping("/{id}/reps")
    ResponseEntity<RepView> addRep(@PathVariable String id, @Valid @RequestBody RepRequest request) {
        requireChannelManager();
        PartnerRep rep = service.addRep(id, request);
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/reps/" + rep.username()))
                .body(RepView.of(rep));
    }

    @GetMapping("/{id}/reps")
    List<RepView> reps(@PathVariable String id) {
        return get(id).reps();
    }

    @GetMapping("/{id}/reps/{username}")
    RepView rep(@PathVariable String id, @PathVariable String username) {
        return get(id).reps().stream().filter(r -> r.username().equals(username)).findFirst()
                .orElseThrow(() -> ApiException.notFound("partner '" + id + "' has no rep '" + username + "'"));
    }

    /** Makes a rep a lead manager, or a lead manager a rep again: channel managers only. */
    @PutMapping("/{id}/reps/{username}/role")
    RepView changeRole(@PathVariable String id, @PathVariable String username,
            @Valid @RequestBody RoleChange request) {
        requireChannelManager();
        return RepView.of(service.changeRole(id, username, request.role()));
    }

    /** The role a partner's user is to have. */
    record RoleChange(@NotNull PartnerRole role) {
    }

    private void requireChannelManager() {
        if (!callers.current().isChannelManager()) {
            throw ApiException.forbidden("only channel managers may change partners");
        }
    }

    private PartnerView view(Partner partner) {
        return PartnerView.of(partner, partners.findReps(partner.id()).stream().map(RepView::of).toList(),
                standings.current(partner.id()));
    }

    /** A partner with its reps and its current standing, as the API shows it. */
    record PartnerView(String id, String name, PartnerTier tier, PartnerStatus status, Standing standing, int capacity,
            String managerEmail, String group, java.util.Set<String> countries, java.util.Set<String> regions,
            java.util.Set<String> industries,
            java.util.Set<String> segments, java.util.Set<String> competencies, java.util.Set<String> certifications,
            java.util.Set<String> products, List<RepView> reps, java.time.Instant createdAt,
            java.time.Instant updatedAt) {

        static PartnerView of(Partner p, List<RepView> reps, Standing standing) {
            return new PartnerView(p.id(), p.name(), p.tier(), p.status(), standing, p.capacity(), p.managerEmail(),
                    p.groupId(), p.countries(), p.regions(), p.industries(), p.segments(), p.competencies(), p.certifications(),
                    p.products(), reps, p.createdAt(), p.updatedAt());
        }
    }

    /** A rep as the API shows it (never the password). */
    record RepView(String username, String partnerId, String firstName, String lastName, String email,
            PartnerRole role) {
        static RepView of(PartnerRep rep) {
            return new RepView(rep.username(), rep.partnerId(), rep.firstName(), rep.lastName(), rep.email(),
                    rep.role());
        }
    }
}
