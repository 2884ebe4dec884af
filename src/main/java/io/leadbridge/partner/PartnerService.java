package io.leadbridge.partner;

import io.leadbridge.config.LeadClock;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.PartnerCredentials;
import io.leadbridge.security.PasswordRules;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes partners and their reps, keeping Camunda's groups and users in step. */
@Service
public class PartnerService {

    private final PartnerRepository partners;
    private final AccessProvisioning access;
    private final LeadClock clock;
    private final PasswordRules passwordRules;

    PartnerService(PartnerRepository partners, AccessProvisioning access, LeadClock clock, PasswordRules passwordRules) {
        this.partners = partners;
        this.access = access;
        this.clock = clock;
        this.passwordRules = passwordRules;
    }

    @Transactional
    public Partner create(PartnerRequest request) {
        String id = request.id() != null ? request.id() : slug(request.name());
        if (id.endsWith(VendorGroups.MANAGERS_GROUP_SUFFIX)) {
            throw new InvalidInputException("id", "must not end with '" + VendorGroups.MANAGERS_GROUP_SUFFIX
                    + "': partner-<id>" + VendorGroups.MANAGERS_GROUP_SUFFIX + " names a partner's lead managers");
        }
        if (partners.exists(id)) {
            throw ApiException.conflict("partner '" + id + "' already exists");
        }
        Partner partner = toPartner(id, request);
        partners.insert(partner);
        access.provisionPartner(partner.groupId(), partner.name());
        access.provisionManagers(partner.id(), partner.name());
        return partners.findById(id).orElseThrow();
    }

    @Transactional
    public Partner update(String id, PartnerRequest request) {
        get(id);
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidInputException("id", "must match the partner in the path ('" + id + "') or be left out");
        }
        Partner partner = toPartner(id, request);
        partners.update(partner);
        access.renamePartner(partner.groupId(), partner.name());
        return partners.findById(id).orElseThrow();
    }

    public Partner get(String id) {
        return partners.findById(id).orElseThrow(() -> ApiException.notFound("partner '" + id + "' does not exist"));
    }

    @Transactional
    public PartnerRep addRep(String partnerId, RepRequest request) {
        Partner partner = get(partnerId);
        if (PartnerCredentials.isClientId(request.username())) {
            throw new InvalidInputException("username", "must not start with '" + PartnerCredentials.CLIENT_ID_PREFIX
                    + "': such names are the client ids of partner API credentials");
        }
        if (access.userExists(request.username()) || partners.findRep(request.username()).isPresent()) {
            throw ApiException.conflict("user '" + request.username() + "' already exists");
        }
        List<String> broken = passwordRules.broken(request.password(), request.username(), request.givenFirstName(),
                request.givenLastName(), request.email().trim());
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken.stream()
                    .map(rule -> new InvalidInputException.FieldError("password", rule)).toList());
        }
        PartnerRep rep = new PartnerRep(request.username(), partner.id(), request.givenFirstName(),
                request.givenLastName(), request.email().trim(), request.givenRole(), clock.now());
        partners.insertRep(rep);
        access.provisionUser(rep.username(), rep.firstName(), rep.lastName(), rep.email(), request.password(),
                partner.groupId());
        access.knownToManagers(rep.username(), partner.id());
        if (rep.isLeadManager()) {
            access.provisionManagers(partner.id(), partner.name());
            access.leadManager(rep.username(), partner.id(), true);
        }
        return partners.findRep(rep.username()).orElseThrow();
    }

    /** The partner's rep, or 404. */
    public PartnerRep rep(String partnerId, String username) {
        return partners.findRep(username).filter(r -> r.partnerId().equals(partnerId))
                .orElseThrow(() -> ApiException.notFound("partner '" + partnerId + "' has no rep '" + username + "'"));
    }

    /** The partner's reps and lead managers, by username. */
    public List<PartnerRep> reps(String partnerId) {
        return partners.findReps(partnerId);
    }

    /** The user as a rep of any partner, or null. */
    public PartnerRep findRepOrNull(String username) {
        return partners.findRep(username).orElse(null);
    }

    /** Makes a rep a lead manager or a lead manager a rep, in the table and in Camunda's groups. */
    @Transactional
    public PartnerRep changeRole(String partnerId, String username, PartnerRole role) {
        Partner partner = get(partnerId);
        rep(partnerId, username);
        partners.changeRole(username, role);
        if (role == PartnerRole.LEAD_MANAGER) {
            access.provisionManagers(partner.id(), partner.name());
        }
        access.leadManager(username, partnerId, role == PartnerRole.LEAD_MANAGER);
        // People added before their managers could look them up in Tasklist become known now.
        reps(partnerId).forEach(person -> access.knownToManagers(person.username(), partnerId));
        return rep(partnerId, username);
    }

    private Partner toPartner(String id, PartnerRequest request) {
        if (request.regions() != null) {
            for (String region : request.regions()) {
                String country = region.substring(0, 2);
                if (request.countries().contains(country)) {
                    throw new InvalidInputException("regions", region + " lies in " + country
                            + ", which the partner covers whole already");
                }
            }
        }
        return new Partner(id, request.name().trim(), request.tier(),
                request.status() == null ? PartnerStatus.ACTIVE : request.status(), request.capacity(),
                request.managerEmail(), orEmpty(request.countries()), orEmpty(request.regions()),
                orEmpty(request.industries()),
                orEmpty(request.segments()), orEmpty(request.competencies()), orEmpty(request.certifications()),
                orEmpty(request.products()), null, null);
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() < 2) {
            throw new InvalidInputException("id", "cannot be derived from the name; give an id");
        }
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }
}
