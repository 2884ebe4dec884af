package io.leadbridge.demo;

import static io.leadbridge.partner.PartnerTier.GOLD;
import static io.leadbridge.partner.PartnerTier.PLATINUM;
import static io.leadbridge.partner.PartnerTier.REGISTERED;
import static io.leadbridge.partner.PartnerTier.SILVER;

import io.leadbridge.calendar.PartnerCalendarService.CalendarRequest;
import io.leadbridge.partner.PartnerRequest;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.RepProfileRequest;
import io.leadbridge.partner.RepRequest;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's twelve partners and their reps. The first five and their reps are the owners named
 * in decisions/account-protection.dmn. Competencies and certifications follow what
 * decisions/partner-eligibility.dmn asks for, so that every demo lead meant for a partner finds
 * one (see {@link DemoLeads}). Industries and products are left empty ("any"); one partner
 * keeps to small and mid-market deals.
 */
final class DemoPartners {

    static final String CLOUD = "Cloud";
    static final String SECURITY = "Security";
    static final String NETWORKING = "Networking";
    static final String ANALYTICS = "Analytics";

    static final String HIPAA = "HIPAA";
    static final String PCI_DSS = "PCI-DSS";
    static final String FEDRAMP = "FedRAMP";

    /** A partner as the channel manager would enter it, and its reps. */
    record DemoPartner(PartnerRequest request, List<RepRequest> reps) {

        String id() {
            return request.id();
        }

        /** The same partner, taking only leads of these segments. */
        DemoPartner onlySegments(String... segments) {
            PartnerRequest r = request;
            return new DemoPartner(new PartnerRequest(r.id(), r.name(), r.tier(), r.status(), r.capacity(),
                    r.managerEmail(), r.countries(), r.industries(), Set.of(segments), r.competencies(),
                    r.certifications(), r.products()), reps);
        }
    }

    static final List<DemoPartner> ALL = List.of(
            partner("northwind-systems", "Northwind Systems", PLATINUM, 40, "northwind.example",
                    Set.of("US", "CA"), Set.of(CLOUD, SECURITY, NETWORKING, ANALYTICS), Set.of(HIPAA, PCI_DSS, FEDRAMP),
                    rep("nina", "Nina", "North"), rep("noah", "Noah", "Brooks"), rep("chloe", "Chloe", "Tremblay"),
                    leadManager("nolan", "Nolan", "Reyes")),
            partner("contoso-partners", "Contoso Partners", GOLD, 25, "contoso.example",
                    Set.of("US"), Set.of(CLOUD, SECURITY, ANALYTICS), Set.of(PCI_DSS),
                    rep("connor", "Connor", "Cole")),
            partner("fabrikam-it", "Fabrikam IT", GOLD, 25, "fabrikam.example",
                    Set.of("DE", "AT", "CH"), Set.of(CLOUD, SECURITY, NETWORKING), Set.of(HIPAA),
                    rep("franz", "Franz", "Fischer"), rep("greta", "Greta", "Berg")),
            partner("adatum-consulting", "Adatum Consulting", PLATINUM, 35, "adatum.example",
                    Set.of("GB", "DE", "FR"), Set.of(CLOUD, SECURITY, ANALYTICS), Set.of(HIPAA, PCI_DSS),
                    rep("ada", "Ada", "Adams"), rep("oliver", "Oliver", "Grant")),
            partner("woodgrove-digital", "Woodgrove Digital", SILVER, 15, "woodgrove.example",
                    Set.of("US", "CA"), Set.of(CLOUD, ANALYTICS), Set.of(PCI_DSS),
                    rep("will", "Will", "Wood")),
            partner("tailspin-solutions", "Tailspin Solutions", SILVER, 15, "tailspin.example",
                    Set.of("GB", "IE"), Set.of(CLOUD, SECURITY, NETWORKING), Set.of(),
                    rep("tara", "Tara", "Quinn"))
                    .onlySegments("SMB", "MID_MARKET"),
            partner("litware-networks", "Litware Networks", SILVER, 15, "litware.example",
                    Set.of("FR", "BE"), Set.of(CLOUD, NETWORKING), Set.of(),
                    rep("lucie", "Lucie", "Martin"), rep("hugo", "Hugo", "Lambert")),
            partner("proseware", "Proseware", REGISTERED, 5, "proseware.example",
                    Set.of("US"), Set.of(CLOUD), Set.of(),
                    rep("paul", "Paul", "Price")),
            partner("wingtip-tech", "Wingtip Tech", GOLD, 20, "wingtip.example",
                    Set.of("AU", "NZ"), Set.of(CLOUD, SECURITY, ANALYTICS), Set.of(HIPAA),
                    rep("wendy", "Wendy", "Walker"), rep("mia", "Mia", "Tane")),
            partner("alpine-it", "Alpine IT", REGISTERED, 5, "alpine-it.example",
                    Set.of("CH", "AT"), Set.of(CLOUD, NETWORKING), Set.of(),
                    rep("heidi", "Heidi", "Huber")),
            partner("fourth-coffee-it", "Fourth Coffee IT", SILVER, 15, "fourthcoffee.example",
                    Set.of("NL", "BE"), Set.of(CLOUD, ANALYTICS), Set.of(PCI_DSS),
                    rep("sanne", "Sanne", "de Vries")),
            partner("blue-yonder-systems", "Blue Yonder Systems", GOLD, 25, "blueyonder.example",
                    Set.of("SE", "NO", "DK", "FI"), Set.of(CLOUD, SECURITY, NETWORKING, ANALYTICS),
                    Set.of(HIPAA, PCI_DSS),
                    rep("erik", "Erik", "Lund"), rep("astrid", "Astrid", "Holm")));

    /**
     * Working calendars of the partners the demo's time zones and holidays show best (the others
     * work on the vendor's): New York with New York's holidays, Chicago, Bavaria (Epiphany, Corpus
     * Christi), London and Paris.
     */
    static final Map<String, CalendarRequest> CALENDARS = Map.of(
            "northwind-systems", new CalendarRequest("America/New_York", "US", "US-NY", null, null, null),
            "contoso-partners", new CalendarRequest("America/Chicago", "US", null, null, LocalTime.of(8, 0),
                    LocalTime.of(17, 0)),
            "fabrikam-it", new CalendarRequest("Europe/Berlin", "DE", "DE-BY", null, LocalTime.of(8, 0),
                    LocalTime.of(16, 30)),
            "adatum-consulting", new CalendarRequest("Europe/London", "GB", null, null, null, null),
            "litware-networks", new CalendarRequest("Europe/Paris", "FR", null, null, null, null));

    /**
     * Profiles of the demo's reps (issue 14): northwind-systems' three reps share its offers by
     * rotation, each within its territory and languages: nina the US and Canada in English, noah the
     * US in English and Spanish, chloe Canada in English and French (a lead in French goes to her
     * alone, one in Spanish to noah). Its lead manager nolan gets the enterprise leads and whatever
     * no rep can take.
     */
    static final Map<String, RepProfileRequest> PROFILES = Map.of(
            "nina", new RepProfileRequest(25, Set.of("US", "CA"), null, null, null, Set.of("en"), null, null, null),
            "noah", new RepProfileRequest(15, Set.of("US"), null, null, null, Set.of("en", "es"), null, null, null),
            "chloe", new RepProfileRequest(15, Set.of("CA"), null, null, null, Set.of("en", "fr"), null, null,
                    null));

    /** A rep's name and role; the e-mail address follows from the partner's domain. */
    private record Rep(String username, String firstName, String lastName, PartnerRole role) {
    }

    private static Rep rep(String username, String firstName, String lastName) {
        return new Rep(username, firstName, lastName, PartnerRole.REP);
    }

    private static Rep leadManager(String username, String firstName, String lastName) {
        return new Rep(username, firstName, lastName, PartnerRole.LEAD_MANAGER);
    }

    private static DemoPartner partner(String id, String name, PartnerTier tier, int capacity, String mailDomain,
            Set<String> countries, Set<String> competencies, Set<String> certifications, Rep... reps) {
        PartnerRequest request = new PartnerRequest(id, name, tier, null, capacity, "channel@" + mailDomain,
                countries, Set.of(), Set.of(), competencies, certifications, Set.of());
        List<RepRequest> repRequests = Arrays.stream(reps)
                .map(r -> new RepRequest(r.username(), r.firstName(), r.lastName(), null,
                        r.username() + "@" + mailDomain, DemoUsers.PASSWORD, r.role()))
                .toList();
        return new DemoPartner(request, repRequests);
    }

    private DemoPartners() {
    }
}
