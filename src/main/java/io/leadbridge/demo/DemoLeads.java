package io.leadbridge.demo;

import static io.leadbridge.demo.DemoStep.accept;
import static io.leadbridge.demo.DemoStep.advance;
import static io.leadbridge.demo.DemoStep.convert;
import static io.leadbridge.demo.DemoStep.decline;
import static io.leadbridge.demo.DemoStep.lose;
import static io.leadbridge.demo.DemoStep.missProspect;
import static io.leadbridge.demo.DemoStep.reachProspect;
import static io.leadbridge.demo.DemoStep.win;
import static io.leadbridge.demo.DemoStep.withdraw;

import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The demo's leads, as marketing sends them, each with its story: what the partner's rep and the
 * channel manager do to it once the rules have placed it. Scores and company sizes are chosen so
 * that decisions/lead-qualification.dmn sends leads down every route, and industries, products
 * and countries so that decisions/partner-eligibility.dmn finds a partner among
 * {@link DemoPartners} for every lead meant for one, except the Swiss bank, which no partner may
 * take and which waits for a channel manager.
 */
final class DemoLeads {

    static final String CLOUD = "Cloud Platform";
    static final String SECURITY = "Security Suite";
    static final String NETWORKING = "Networking";
    static final String ANALYTICS = "Data Analytics";

    /** Revenue is derived from headcount at a rate that never moves a company into a bigger segment. */
    private static final long REVENUE_PER_EMPLOYEE_USD = 150_000;

    /** A marketing campaign: its id, the system its leads come from, and what a lead from it did. */
    record Campaign(String id, String source, String note) {
    }

    static final Campaign AUTUMN_LAUNCH = new Campaign("autumn-launch", "web-form",
            "downloaded the autumn launch e-book and asked for a call");
    static final Campaign PARTNER_WEBINAR = new Campaign("partner-webinar", "webinar",
            "attended the partner webinar and asked for a follow-up");
    static final Campaign TRADE_SHOW_BERLIN = new Campaign("trade-show-berlin", "badge-scan",
            "visited our booth at the Berlin trade show");
    static final Campaign NORDIC_ROADSHOW = new Campaign("nordic-cloud-roadshow", "badge-scan",
            "met us at the Nordic cloud roadshow");

    record Company(String name, String domain, String industry, String country, int employees) {
    }

    record Person(String firstName, String lastName, String title) {

        String email(String domain) {
            return (firstName + "." + lastName).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + domain;
        }
    }

    /** A demo lead and its story (empty: it stays where the rules put it). */
    record DemoLead(String externalId, Campaign campaign, Company company, Person contact, String product,
            int score, List<DemoStep> story) {

        LeadSubmission submission() {
            return new LeadSubmission(externalId, campaign.source(), campaign.id(), product, score,
                    new LeadSubmission.Contact(contact.firstName(), contact.lastName(),
                            contact.email(company.domain()), null, contact.title()),
                    new LeadSubmission.Account(company.name(), company.domain(), company.industry(),
                            company.country(), company.employees(),
                            BigDecimal.valueOf(company.employees() * REVENUE_PER_EMPLOYEE_USD)),
                    contact.firstName() + " " + campaign.note());
        }

        /** E.g. {@code Globex Corporation (US, Manufacturing) about Cloud Platform, score 88}. */
        String describe() {
            return company.name() + " (" + company.country() + ", " + company.industry() + ") about " + product
                    + ", score " + score;
        }
    }

    static final List<DemoLead> ALL = List.of(
            // Named accounts (decisions/account-protection.dmn): they go straight to their owner.
            lead("AL-1001", AUTUMN_LAUNCH, CLOUD, 88,
                    company("Globex Corporation", "globex.com", "Manufacturing", "US", 5200),
                    person("Hank", "Scorpio", "CIO"),
                    accepted()),
            lead("PW-2001", PARTNER_WEBINAR, ANALYTICS, 76,
                    company("Hooli UK", "hooli.co.uk", "Technology", "GB", 1800),
                    person("Gavin", "Belson", "VP Engineering"),
                    contacted("call with the data platform team, workshop next week")),
            lead("AL-1002", AUTUMN_LAUNCH, SECURITY, 71,
                    company("Initech", "initech.com", "Financial Services", "US", 650),
                    person("Bill", "Lumbergh", "Head of IT"),
                    won(180_000, "three-year subscription signed")),
            lead("TS-3001", TRADE_SHOW_BERLIN, SECURITY, 82,
                    company("Umbrella Pharma GmbH", "umbrella.de", "Healthcare", "DE", 2400),
                    person("Albert", "Wesker", "CISO"),
                    asRouted()),
            lead("AL-1003", AUTUMN_LAUNCH, NETWORKING, 90,
                    company("Wayne Enterprises", "wayne-enterprises.com", "Manufacturing", "US", 12000),
                    person("Lucius", "Fox", "CTO"),
                    lost(LostReason.CHOSE_COMPETITOR, "stayed with the incumbent vendor")),

            // Open accounts in North America.
            lead("AL-1004", AUTUMN_LAUNCH, CLOUD, 74,
                    company("Acme Health Systems", "acmehealth.com", "Healthcare", "US", 450),
                    person("Maria", "Lopez", "IT Director"),
                    List.of(accept(),
                            missProspect("voicemail, will try again tomorrow"),
                            reachProspect("call held, security review passed"),
                            win(95_000, "migration project signed"))),
                        // Declined by the first partner: offered to the next one that qualifies.
lead("PW-2002", PARTNER_WEBINAR, ANALYTICS, 68,
                    company("First Harbor Bank", "firstharbor.com", "Financial Services", "US", 3000),
                    person("James", "Whitfield", "Chief Data Officer"),
                    List.of(decline("no analytics consultant free before next quarter"))),
            lead("AL-1005", AUTUMN_LAUNCH, CLOUD, 85,
                    company("Pinecrest Retail", "pinecrestretail.com", "Retail", "US", 60),
                    person("Emily", "Chen", "Owner"),
                    accepted()),
            lead("PW-2003", PARTNER_WEBINAR, NETWORKING, 72,
                    company("Maple Leaf Logistics", "mapleleaflogistics.ca", "Logistics", "CA", 320),
                    person("Liam", "Tremblay", "Network Manager"),
                    opportunity(120_000, OpportunityStage.PROPOSAL, "site survey done, proposal for two warehouses sent")),
            lead("AL-1006", AUTUMN_LAUNCH, SECURITY, 62,
                    company("Lakeside Dental Group", "lakesidedental.com", "Healthcare", "US", 35),
                    person("Sarah", "Miller", "Practice Manager"),
                    asRouted()),
            lead("PW-2004", PARTNER_WEBINAR, ANALYTICS, 66,
                    company("Contour Media", "contourmedia.com", "Media", "US", 140),
                    person("Derek", "Owens", "Head of Analytics"),
                    lost(LostReason.NO_BUDGET, "no budget this year")),
                        // US public sector: only a FedRAMP partner (Northwind) qualifies.
lead("AL-1007", AUTUMN_LAUNCH, CLOUD, 84,
                    company("Springfield County", "springfieldcounty.gov", "Public Sector", "US", 2500),
                    person("Margaret", "Hollis", "County CIO"),
                    accepted()),

            // Open accounts in Europe.
                        // Declined by one partner, accepted by the next.
lead("TS-3002", TRADE_SHOW_BERLIN, SECURITY, 79,
                    company("Brightwater Energy", "brightwater-energy.co.uk", "Energy", "GB", 900),
                    person("Oliver", "Hughes", "Security Lead"),
                    List.of(decline("our security team is booked for the next six weeks"), accept())),
            lead("AL-1008", AUTUMN_LAUNCH, CLOUD, 91,
                    company("Thames Insurance", "thamesinsurance.co.uk", "Financial Services", "GB", 2200),
                    person("Charlotte", "Reed", "CTO"),
                    won(240_000, "cloud landing zone for 40 teams")),
            lead("PW-2005", PARTNER_WEBINAR, NETWORKING, 77,
                    company("Dublin Digital Agency", "dublindigital.ie", "Marketing", "IE", 45),
                    person("Aoife", "Byrne", "Managing Director"),
                    accepted()),
            lead("TS-3003", TRADE_SHOW_BERLIN, NETWORKING, 73,
                    company("Rheinwerk Maschinenbau", "rheinwerk.de", "Manufacturing", "DE", 750),
                    person("Stefan", "Krause", "Leiter IT"),
                    won(310_000, "campus network for two plants")),
                        // Accepted but not followed up: the channel manager withdraws it and the next partner gets
            // the offer.
lead("TS-3004", TRADE_SHOW_BERLIN, CLOUD, 70,
                    company("Klinikum Nordstadt", "klinikum-nordstadt.de", "Healthcare", "DE", 1600),
                    person("Petra", "Neumann", "CIO"),
                    List.of(accept(), withdraw("no first contact after the hospital called us twice"))),
            lead("TS-3005", TRADE_SHOW_BERLIN, CLOUD, 64,
                    company("Bergbahn Tirol", "bergbahn-tirol.at", "Hospitality", "AT", 80),
                    person("Andreas", "Hofer", "Betriebsleiter"),
                    opportunity(75_000, OpportunityStage.NEGOTIATION, "ticketing in the cloud before the winter season; negotiating terms")),
                        // No partner covering CH is PCI-DSS certified: it waits in "Leads to distribute" for the
            // channel manager.
lead("TS-3006", TRADE_SHOW_BERLIN, SECURITY, 75,
                    company("Zurich Private Bank", "zuerich-privatbank.ch", "Financial Services", "CH", 400),
                    person("Lukas", "Meier", "Head of Security"),
                    asRouted()),
            lead("PW-2006", PARTNER_WEBINAR, CLOUD, 81,
                    company("Lumiere Cosmetiques", "lumiere-cosmetiques.fr", "Retail", "FR", 260),
                    person("Camille", "Laurent", "DSI"),
                    lost(LostReason.NO_DECISION, "went with an in-house solution")),
            lead("AL-1009", AUTUMN_LAUNCH, ANALYTICS, 87,
                    company("Banque du Nord", "banquedunord.fr", "Financial Services", "FR", 5000),
                    person("Julien", "Moreau", "Chief Data Officer"),
                    asRouted()),
            lead("PW-2007", PARTNER_WEBINAR, NETWORKING, 69,
                    company("Gent Logistics", "gentlogistics.be", "Logistics", "BE", 180),
                    person("Pieter", "Janssens", "IT Manager"),
                    accepted()),
            lead("AL-1010", AUTUMN_LAUNCH, ANALYTICS, 83,
                    company("GrachtPay", "grachtpay.nl", "Financial Services", "NL", 120),
                    person("Sanne", "Bakker", "Head of Data"),
                    won(65_000, "fraud analytics pilot approved")),

            // Open accounts in the Nordics and Asia-Pacific.
            lead("NR-4001", NORDIC_ROADSHOW, ANALYTICS, 78,
                    company("Nordvard Health", "nordvard.se", "Healthcare", "SE", 1100),
                    person("Karin", "Lindqvist", "Head of Research IT"),
                    contacted("data protection officer joins the next call")),
            lead("NR-4002", NORDIC_ROADSHOW, NETWORKING, 65,
                    company("Fjord Shipping", "fjordshipping.no", "Logistics", "NO", 600),
                    person("Ola", "Nordmann", "IT Manager"),
                    asRouted()),
            lead("NR-4003", NORDIC_ROADSHOW, CLOUD, 72,
                    company("Nordisk Design", "nordiskdesign.dk", "Retail", "DK", 25),
                    person("Mette", "Jensen", "Owner"),
                    accepted()),
            lead("NR-4004", NORDIC_ROADSHOW, CLOUD, 58,
                    company("Pohjois Games", "pohjoisgames.fi", "Media", "FI", 150),
                    person("Mikko", "Virtanen", "Studio Director"),
                    asRouted()),
            lead("PW-2008", PARTNER_WEBINAR, SECURITY, 80,
                    company("Harbour Clinics", "harbourclinics.com.au", "Healthcare", "AU", 220),
                    person("Chloe", "Nguyen", "Practice Director"),
                    accepted()),
            lead("AL-1011", AUTUMN_LAUNCH, CLOUD, 61,
                    company("Kiwi Orchards", "kiwiorchards.co.nz", "Agriculture", "NZ", 40),
                    person("Aroha", "Ngata", "General Manager"),
                    asRouted()),

            // Small lukewarm leads: the vendor's inside sales works them.
            lead("AL-1012", AUTUMN_LAUNCH, CLOUD, 48,
                    company("Tiny Tots Daycare", "tinytots-daycare.com", "Education", "US", 12),
                    person("Rachel", "Green", "Owner"),
                    asRouted()),
            lead("PW-2009", PARTNER_WEBINAR, SECURITY, 52,
                    company("Corner Bakery", "cornerbakery.co.uk", "Food and Beverage", "GB", 8),
                    person("Tom", "Baker", "Owner"),
                    asRouted()),
            lead("TS-3007", TRADE_SHOW_BERLIN, NETWORKING, 41,
                    company("Pension Alpenblick", "alpenblick.ch", "Hospitality", "CH", 15),
                    person("Ursula", "Graf", "Owner"),
                    asRouted()),

            // Too early for sales: back to marketing.
            lead("NR-4005", NORDIC_ROADSHOW, CLOUD, 28,
                    company("Northern Lights Travel", "northernlights-travel.no", "Travel", "NO", 300),
                    person("Ingrid", "Berg", "Office Manager"),
                    asRouted()),
            lead("PW-2010", PARTNER_WEBINAR, ANALYTICS, 35,
                    company("Outback Mining", "outbackmining.com.au", "Mining", "AU", 4000),
                    person("Jack", "Wilson", "IT Analyst"),
                    asRouted()),

            // Junk: disqualified.
            lead("TS-3008", TRADE_SHOW_BERLIN, ANALYTICS, 8,
                    company("Uni Projekt", "uni-projekt.de", "Education", "DE", 1),
                    person("Max", "Mustermann", "Student"),
                    asRouted()),
            lead("AL-1013", AUTUMN_LAUNCH, NETWORKING, 12,
                    company("Rival Networks", "rivalnetworks.com", "Technology", "US", 50),
                    person("Rick", "Rival", "Product Marketing"),
                    asRouted()));

    /** Stays where the rules put it: offered, with inside sales, nurtured, disqualified or unassigned. */
    private static List<DemoStep> asRouted() {
        return List.of();
    }

    private static List<DemoStep> accepted() {
        return List.of(accept());
    }

    private static List<DemoStep> contacted(String note) {
        return List.of(accept(), reachProspect(note));
    }

    private static List<DemoStep> opportunity(long amount, OpportunityStage stage, String note) {
        return List.of(accept(), reachProspect("discovery call held, demo booked"),
                convert(amount, "budget confirmed"), advance(stage, note));
    }

    private static List<DemoStep> won(long amount, String note) {
        return List.of(accept(), reachProspect("discovery call held, demo booked"),
                convert(amount, "budget confirmed"), advance(OpportunityStage.PROPOSAL, "proposal sent"),
                win(amount, note));
    }

    private static List<DemoStep> lost(LostReason reason, String note) {
        return List.of(accept(), reachProspect("first call held, proposal sent"), lose(reason, note));
    }

    private static DemoLead lead(String externalId, Campaign campaign, String product, int score, Company company,
            Person contact, List<DemoStep> story) {
        return new DemoLead(externalId, campaign, company, contact, product, score, story);
    }

    private static Company company(String name, String domain, String industry, String country, int employees) {
        return new Company(name, domain, industry, country, employees);
    }

    private static Person person(String firstName, String lastName, String title) {
        return new Person(firstName, lastName, title);
    }

    private DemoLeads() {
    }
}
