package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lifecycle.LeadVariables.OfferDecision;
import io.leadbridge.lifecycle.LeadVariables.Reminder;
import io.leadbridge.routing.Qualification;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The lead process's variables, typed: enums as enums, numbers and dates as such, nothing made up. */
class LeadVariablesTest {

    private final Map<String, Object> stored = new HashMap<>();
    private final LeadVariables lead = LeadVariables.of(scope(stored));

    @Test
    void answersAreReadAsTheirEnumsAndAnythingElseIsNoAnswer() {
        stored.put("offerDecision", "DECLINE");
        stored.put("outcome", " NOT_REACHABLE ");
        stored.put("withdrawalReason", "REASSIGNED");
        assertThat(lead.offerDecision()).contains(OfferDecision.DECLINE);
        assertThat(lead.outcome()).contains(ContactOutcome.NOT_REACHABLE);
        assertThat(lead.withdrawalReason()).contains(WithdrawalReason.REASSIGNED);

        stored.put("offerDecision", "MAYBE");
        stored.put("outcome", "");
        stored.remove("withdrawalReason");
        assertThat(lead.offerDecision()).isEmpty();
        assertThat(lead.outcome()).isEmpty();
        assertThat(lead.withdrawalReason()).isEmpty();
    }

    @Test
    void theSlaPolicyIsKeptAsTheProcessExpressionsNeedItAndReadBackTyped() {
        lead.slaPolicy(2, new SlaTerms("PT4H", "PT8H", "P1D", "P3D", 3, "PT4H", "R/P7D", 2, "P5D", SlaClock.WORKING));

        assertThat(stored).containsEntry("attempt", 2).containsEntry("maxAttempts", 3)
                .containsEntry("slaTerms", "{\"acceptReminder\":\"PT4H\",\"acceptSla\":\"PT8H\","
                        + "\"repAcceptSla\":null,\"contactReminder\":\"P1D\",\"contactSla\":\"P3D\","
                        + "\"statusUpdateCycle\":\"R/P7D\",\"missedUpdatesToEscalate\":2,\"slaClock\":\"working\"}")
                .as("one variable for the terms, not one each").hasSize(3);
        assertThat(lead.attempt()).isEqualTo(2);
        assertThat(lead.maxAttempts()).isEqualTo(3);
        assertThat(lead.acceptReminder()).isEqualTo("PT4H");
        assertThat(lead.contactSla()).isEqualTo("P3D");
        assertThat(lead.missedUpdatesToEscalate()).contains(2);
        assertThat(lead.slaClock()).isEqualTo(SlaClock.WORKING);
    }

    @Test
    void aLeadThatStartedBeforeReadsItsOwnTermVariablesAndKeepsThemUpToDate() {
        stored.put("acceptReminder", "PT12H");
        stored.put("acceptSla", "P1D");
        stored.put("contactSla", "P3D");
        stored.put("statusUpdateCycle", "R/P7D");
        stored.put("missedUpdatesToEscalate", 2);
        assertThat(lead.acceptSla()).isEqualTo("P1D");
        assertThat(lead.statusUpdateCycle()).isEqualTo("R/P7D");
        assertThat(lead.missedUpdatesToEscalate()).contains(2);
        assertThat(lead.repAcceptSla()).isEmpty();
        assertThat(lead.slaClock()).as("before the table had a clock").isEqualTo(SlaClock.CALENDAR);

        lead.slaPolicy(2, new SlaTerms("PT4H", "PT8H", "P1D", "P5D", 3, "PT4H", "R/P14D", 3, "P5D", SlaClock.WORKING,
                "PT2H"));

        assertThat(stored).containsEntry("acceptSla", "PT8H").containsEntry("contactSla", "P5D")
                .containsEntry("statusUpdateCycle", "R/P14D").containsEntry("missedUpdatesToEscalate", 3)
                .as("no term variable the lead did not have").doesNotContainKeys("contactReminder", "repAcceptSla",
                        "slaClock")
                .containsKey("slaTerms");
        assertThat(lead.contactSla()).isEqualTo("P5D");
        assertThat(lead.repAcceptSla()).contains("PT2H");
        assertThat(lead.slaClock()).isEqualTo(SlaClock.WORKING);
    }

    @Test
    void termsThatAreNotJsonAreNamedNotGuessed() {
        stored.put("slaTerms", "acceptSla=P1D");

        assertThatThrownBy(lead::acceptSla).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slaTerms").hasMessageContaining("acceptSla=P1D");
    }

    @Test
    void aValueThatDidNotChangeIsNotSetAgainButAMissingVariableIsCreatedEvenWhenNull() {
        VariableScope scope = scope(stored);
        LeadVariables variables = LeadVariables.of(scope);
        SlaTerms terms = new SlaTerms("PT4H", "PT8H", "P1D", "P3D", 3, "PT4H", "R/P7D", 2, "P5D", SlaClock.CALENDAR);
        variables.slaPolicy(1, terms);
        variables.forgetNomination();
        clearInvocations(scope);

        variables.slaPolicy(2, terms);
        variables.forgetNomination();
        variables.offered("beta", null, Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T17:00:00Z"));

        verify(scope).setVariable("attempt", 2);
        verify(scope, never()).setVariable(eq("maxAttempts"), any());
        verify(scope, never()).setVariable(eq("nominatedPartnerId"), any());
        verify(scope, never()).setVariable(eq("slaTerms"), any());
        verify(scope).setVariable("winningPartnerId", null);
        assertThat(stored).containsEntry("attempt", 2).containsEntry("maxAttempts", 3)
                .containsEntry("partnerId", "beta").containsKey("winningPartnerId")
                .containsEntry("nominatedPartnerId", null)
                .as("nobody nominated: no empty rep or origin").doesNotContainKeys("nominatedRepUsername",
                        "nominatedBy");
    }

    @Test
    void aMissingCountIsAnErrorNotZero() {
        assertThatThrownBy(lead::attempt).isInstanceOf(IllegalStateException.class).hasMessageContaining("attempt");
        assertThat(lead.missedUpdatesToEscalate()).isEmpty();
    }

    @Test
    void deadlinesAreDatesForTheTimersAndInstantsForTheCode() {
        Instant reminder = Instant.parse("2026-12-07T09:00:00Z");
        Instant due = Instant.parse("2026-12-07T17:00:00Z");

        lead.offered("alpha", "rita", reminder, due);

        assertThat(stored.get("acceptDueAt")).isEqualTo(Date.from(due));
        assertThat(lead.acceptDueAt()).isEqualTo(due);
        assertThat(stored).containsEntry("partnerId", "alpha").containsEntry("repUsername", "rita")
                .containsEntry("offerAssignee", "rita").containsEntry("nominatedPartnerId", null);
    }

    @Test
    void aNewOfferEmptiesTheEarlierOffersAnswersButCreatesNoEmptyVariables() {
        stored.put("offerDecision", "DECLINE");
        stored.put("declineReason", "no capacity");
        stored.put("nominatedBy", "MANUAL");

        lead.offered(null, null, Instant.EPOCH, Instant.EPOCH);

        assertThat(stored).containsEntry("offerDecision", null).containsEntry("declineReason", null)
                .containsEntry("nominatedBy", null).doesNotContainKeys("taskWorker", "withdrawnBy", "withdrawalNote");
    }

    @Test
    void nominationsAndQualificationTravelByName() {
        lead.nominate("beta", "bob", Method.PROTECTED_ACCOUNT);
        lead.qualified(new Qualification("MID_MARKET", "B", Qualification.Route.PARTNER));

        assertThat(stored).containsEntry("nominatedBy", "PROTECTED_ACCOUNT").containsEntry("route", "PARTNER");
        assertThat(lead.nominatedBy()).contains(Method.PROTECTED_ACCOUNT);
        assertThat(lead.route()).isEqualTo(Qualification.Route.PARTNER);

        lead.assignedManually("gamma");
        assertThat(lead.nominatedPartnerId()).isEqualTo("gamma");
        assertThat(lead.nominatedRep()).isNull();
        assertThat(lead.nominatedBy()).contains(Method.MANUAL);
        lead.forgetNomination();
        assertThat(lead.nominatedPartnerId()).isNull();
        assertThat(lead.nominatedBy()).isEmpty();
    }

    @Test
    void theChaseCheckboxIsTrueOnlyWhenTicked() {
        assertThat(lead.withdrawAfterChase()).isFalse();
        stored.put("withdrawAfterChase", "true");
        assertThat(lead.withdrawAfterChase()).isTrue();
        stored.put("withdrawAfterChase", Boolean.TRUE);
        assertThat(lead.withdrawAfterChase()).isTrue();
        stored.put("withdrawAfterChase", "yes");
        assertThat(lead.withdrawAfterChase()).isFalse();
    }

    @Test
    void localInputsOfReusableStepsAreTyped() {
        stored.put("reminder", "CONTACT");
        stored.put("finalStatus", "NURTURE");
        assertThat(lead.reminder()).isEqualTo(Reminder.CONTACT);
        assertThat(lead.finalStatus()).isEqualTo(LeadStatus.NURTURE);
        stored.remove("finalStatus");
        assertThatThrownBy(lead::finalStatus).hasMessageContaining("finalStatus");
    }

    private static VariableScope scope(Map<String, Object> stored) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(anyString())).thenAnswer(call -> stored.get(call.<String>getArgument(0)));
        when(scope.hasVariable(anyString())).thenAnswer(call -> stored.containsKey(call.<String>getArgument(0)));
        doAnswer(call -> stored.put(call.getArgument(0), call.getArgument(1))).when(scope)
                .setVariable(anyString(), any());
        return scope;
    }
}
