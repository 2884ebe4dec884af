package io.leadbridge.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadbridge.lead.LeadAccess.LateUpdateRefused;
import io.leadbridge.lead.LeadOfferLog.EndedOffer;
import io.leadbridge.partner.PartnerDispatch;
import io.leadbridge.partner.PartnerDispatchRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.web.ApiException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/** The one place that says who may see a lead and who may act on it. */
class LeadAccessTest {

    private static final Instant WITHDRAWN_AT = Instant.parse("2026-01-05T10:00:00Z");

    private final LeadRepository leads = mock(LeadRepository.class);
    private final LeadOfferLog offers = mock(LeadOfferLog.class);
    private final LeadEventLog events = mock(LeadEventLog.class);
    private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    private final PartnerDispatchRepository dispatches = mock(PartnerDispatchRepository.class);
    private final LeadAccess access = new LeadAccess(leads, offers, events, publisher, dispatches);

    private final Caller ann = new Caller("ann", Set.of(VendorGroups.PARTNER_GROUP_PREFIX + "alpha"));
    private final Caller bob = new Caller("bob", Set.of(VendorGroups.PARTNER_GROUP_PREFIX + "beta"));
    private final Caller manager = new Caller("maria", Set.of(VendorGroups.CHANNEL_MANAGERS));

    @BeforeEach
    void leadHeldByAlpha() {
        Lead lead = lead(LeadStatus.ACCEPTED, "alpha", "ann");
        when(leads.get(7)).thenReturn(lead);
        when(leads.lock(7)).thenReturn(Optional.of(lead));
        when(dispatches.find(any())).thenAnswer(call -> PartnerDispatch.byDefault(call.getArgument(0)));
    }

    @Test
    void withoutATeamQueueARepSeesAndActsOnlyOnTheLeadsAssignedToIt() {
        when(dispatches.find("alpha")).thenReturn(new PartnerDispatch("alpha", false, false));
        Caller colleague = new Caller("carl", Set.of(VendorGroups.PARTNER_GROUP_PREFIX + "alpha"));
        Caller leadManager = new Caller("lena", Set.of(VendorGroups.PARTNER_GROUP_PREFIX + "alpha",
                VendorGroups.managersGroupOf("alpha")));

        assertThat(access.mayView(leads.get(7), ann)).isTrue();
        assertThat(access.mayView(leads.get(7), colleague)).isFalse();
        assertThat(access.mayView(leads.get(7), leadManager)).isTrue();
        assertThatThrownBy(() -> access.lockForPartner(7, colleague, "decline"))
                .hasMessageContaining("assigned to another rep");
        when(dispatches.find("alpha")).thenReturn(new PartnerDispatch("alpha", true, false));
        assertThat(access.mayView(leads.get(7), colleague)).as("with the team queue").isTrue();
    }

    @Test
    void vendorUsersSeeEveryLeadAndPartnersOnlyTheirOwn() {
        assertThat(access.visibleLead(7, manager).id()).isEqualTo(7);
        assertThat(access.visibleLead(7, ann).id()).isEqualTo(7);
        assertThat(access.visibleLeadOrNull(7, bob)).isNull();
        assertThatThrownBy(() -> access.visibleLead(7, bob)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void aPartnerWithAnOpenOfferInACompetitionSeesTheLead() {
        when(offers.hasOpenOffer(7, "beta")).thenReturn(true);

        assertThat(access.mayView(leads.get(7), bob)).isTrue();
    }

    @Test
    void letsTheHoldingPartnersRepActInAnAllowedStatus() {
        assertThat(access.lockHeldLead(7, ann, "given a support request", LeadStatus.ACCEPTED).id()).isEqualTo(7);

        assertThatThrownBy(() -> access.lockHeldLead(7, ann, "closed", LeadStatus.OPPORTUNITY))
                .hasMessageContaining("only a lead that is OPPORTUNITY can be closed");
    }

    @Test
    void refusesChannelManagersAndOtherPartnersWithoutRecordingALateUpdate() {
        assertThatThrownBy(() -> access.lockForPartner(7, manager, "accept"))
                .hasMessageContaining("only a rep of the partner holding the lead");
        assertThatThrownBy(() -> access.lockForPartner(7, bob, "accept"))
                .hasMessageContaining("is not held by your partner");
        verify(publisher, never()).publishEvent(any(Object.class));
    }

    @Test
    void refusesAPartnerWhoseOfferWasWithdrawnAndAnnouncesTheLateUpdate() {
        when(offers.lastEndedOffer(7, "beta"))
                .thenReturn(Optional.of(new EndedOffer(OfferOutcome.WITHDRAWN, LeadOfferLog.COMPETITION_LOST,
                        WITHDRAWN_AT)));

        assertThatThrownBy(() -> access.lockForPartner(7, bob, "accept"))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("another partner accepted it first");
        verify(publisher).publishEvent(new LateUpdateRefused(7, bob, "accept", WITHDRAWN_AT));
    }

    @Test
    void onlyTheHoldingRepOrThePartnersCrmReportsOnTheLead() {
        Caller colleague = new Caller("carl", Set.of(VendorGroups.PARTNER_GROUP_PREFIX + "alpha"));

        LeadAccess.requireRep(leads.get(7), ann);
        assertThatThrownBy(() -> LeadAccess.requireRep(leads.get(7), colleague))
                .hasMessageContaining("is held by rep ann");
    }

    private static Lead lead(LeadStatus status, String partnerId, String rep) {
        Instant now = Instant.parse("2026-01-01T09:00:00Z");
        return new Lead(7, "web", "ext-7", null, "Widget", 50, null, null, 1, 1, status, "SMB", "A", "RULES", partnerId,
                rep, false, 1, null, null, null, now, now);
    }
}
