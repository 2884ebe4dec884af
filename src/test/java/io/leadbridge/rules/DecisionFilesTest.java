package io.leadbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The check every decision file passes before it is deployed or replayed: the application's own
 * tables pass; a row the application could not use is named by table, row and rule; anything
 * but FEEL is named by element.
 */
public class DecisionFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lead-qualification.dmn", "account-protection.dmn", "partner-eligibility.dmn",
            "partner-ranking.dmn", "sla-policy.dmn", "partner-standing.dmn", "reward-points.dmn",
            "deal-approval.dmn"})
    void theApplicationsOwnTablesPass(String file) {
        assertThatCode(() -> check(file, table(file))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sla-policy.dmn          | LiteralExpression_MidMarket_ContactReminder       | "P5D"       | table slaPolicy, row 4 (Rule_MidMarket "Mid-market leads|contactReminder P5D must be shorter than contactSla P3D
            sla-policy.dmn          | LiteralExpression_MidMarket_AcceptReminder        | "P2D"       | table slaPolicy, row 4 (Rule_MidMarket|acceptReminder P2D must be shorter than acceptSla P1D
            sla-policy.dmn          | LiteralExpression_MidMarket_MaxAttempts           | 0           | table slaPolicy, row 4 (Rule_MidMarket|maxAttempts must be at least 1
            sla-policy.dmn          | LiteralExpression_MidMarket_StatusUpdateCycle     | "weekly"    | table slaPolicy, row 4 (Rule_MidMarket|weekly
            partner-ranking.dmn     | LiteralExpression_Suspended_Weight                | -1          | table partnerRanking, row 1 (Rule_Suspended|weight must not be negative, is -1
            lead-qualification.dmn  | LiteralExpression_EmbargoedCountry_Route          | "DISCARD"   | table leadQualification, row 1 (Rule_EmbargoedCountry|output 'route' is 'DISCARD', expected one of
            partner-standing.dmn    | LiteralExpression_RepeatOffender_Standing         | "BANNED"    | table partnerStanding, row 1 (Rule_RepeatOffender|output 'standing' is 'BANNED'
            partner-standing.dmn    | LiteralExpression_RepeatOffender_Probation        | "two weeks" | table partnerStanding, row 1 (Rule_RepeatOffender|output 'probation'
            reward-points.dmn       | LiteralExpression_Declined_Points                 | "none"      | table rewardPoints|(Rule_Declined|output 'points'
            partner-eligibility.dmn | LiteralExpression_EnterpriseNeedsGold_MinimumTier | "BRONZE"    | table partnerEligibility|(Rule_EnterpriseNeedsGold|output 'minimumTier' is 'BRONZE'
            account-protection.dmn  | LiteralExpression_GlobexNamedAccount_PartnerId    | ""          | table accountProtection, row 1 (Rule_GlobexNamedAccount|output 'partnerId' is empty
            deal-approval.dmn       | LiteralExpression_AnotherPartnerProtected_Reason  | ""          | table dealApproval, row 1 (Rule_AnotherPartnerProtected|output 'reason' is empty for outcome REJECT
            deal-approval.dmn       | LiteralExpression_SmallDeal_Outcome               | "MAYBE"     | table dealApproval, row 6 (Rule_SmallDeal|output 'outcome' is 'MAYBE'
            """)
    void aRowTheApplicationCannotUseIsNamedByTableRowAndRule(String file, String cell, String value,
            String expected) {
        String edited = editCell(table(file), cell, value);

        RuleFileException refused = catchThrowableOfType(RuleFileException.class, () -> check(file, edited));

        assertThat(refused).as("refused").isNotNull();
        for (String part : expected.split("\\|")) {
            assertThat(refused.getMessage()).contains(part);
        }
        assertThat(refused.getMessage()).startsWith(file + ": ");
    }

    @ParameterizedTest(name = "follow-on.dmn {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LiteralExpression_CloudToSecurity_FollowOnProduct  | ""  | followOn, row 1 (Rule_CloudToSecurity|is empty
            LiteralExpression_SecurityRenewal_OfferAfterMonths | -3  | row 4 (Rule_SecurityRenewal|negative, is -3
            LiteralExpression_CloudRenewal_ProtectionDays      | -60 | row 3 (Rule_CloudRenewal|protectionDays
            """)
    void theFollowOnTablePassesAndARowItCannotUseIsNamed(String cell, String value, String expected) {
        assertThatCode(() -> check("follow-on.dmn", table("follow-on.dmn"))).doesNotThrowAnyException();

        RuleFileException refused = catchThrowableOfType(RuleFileException.class,
                () -> check("follow-on.dmn", editCell(table("follow-on.dmn"), cell, value)));

        assertThat(refused).as("refused").isNotNull();
        for (String part : expected.split("\\|")) {
            assertThat(refused.getMessage()).contains(part);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inputExpression    | <inputExpression id="InputExpression_Score" typeRef="integer">       | <inputExpression id="InputExpression_Score" typeRef="integer" expressionLanguage="juel">      | inputExpression 'InputExpression_Score' in decision 'leadQualification': expressionLanguage "juel" is not FEEL
            inputEntry         | <inputEntry id="UnaryTests_EmbargoedCountry_Country">              | <inputEntry id="UnaryTests_EmbargoedCountry_Country" expressionLanguage="javascript"> | inputEntry 'UnaryTests_EmbargoedCountry_Country' in decision 'leadQualification': expressionLanguage "javascript"
            outputEntry        | <outputEntry id="LiteralExpression_EmbargoedCountry_Route">        | <outputEntry id="LiteralExpression_EmbargoedCountry_Route" expressionLanguage="groovy">    | outputEntry 'LiteralExpression_EmbargoedCountry_Route' in decision 'leadQualification': expressionLanguage "groovy"
            definitions        | id="Definitions_LeadQualification"                                     | id="Definitions_LeadQualification" expressionLanguage="juel"                                   | definitions 'Definitions_LeadQualification': expressionLanguage "juel"
            typeLanguage       | id="Definitions_LeadQualification"                                     | id="Definitions_LeadQualification" typeLanguage="http://www.w3.org/2001/XMLSchema"           | typeLanguage "http://www.w3.org/2001/XMLSchema" is not FEEL
            """)
    void anExpressionLanguageOtherThanFeelIsNamedByElement(String element, String from, String to, String expected) {
        String edited = table("lead-qualification.dmn").replace(from, to);
        assertThat(edited).isNotEqualTo(table("lead-qualification.dmn"));

        RuleFileException refused = catchThrowableOfType(RuleFileException.class,
                () -> check("lead-qualification.dmn", edited));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${\"\".getClass().forName(\"java.lang.Runtime\")}",
            "\"java.lang.Runtime\"",
            "function(x) external { java: { class: \"java.lang.Math\", method signature: \"max(int, int)\" } }",
            "function(x) external { js: \"x\" }"})
    void anExpressionThatReachesJavaIsRefused(String expression) {
        String edited = table("lead-qualification.dmn").replace(
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\">\n          <text>score</text>",
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\">\n          <text>"
                        + expression.replace("&", "&amp;").replace("<", "&lt;") + "</text>");
        assertThat(edited).isNotEqualTo(table("lead-qualification.dmn"));

        RuleFileException refused = catchThrowableOfType(RuleFileException.class,
                () -> check("lead-qualification.dmn", edited));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).contains("inputExpression 'InputExpression_Score'");
    }

    private static void check(String file, String content) {
        DecisionFiles.check(file, Dmn.readModelFromStream(new ByteArrayInputStream(
                content.getBytes(StandardCharsets.UTF_8))));
    }

    /** The table with the text of one cell (by its id) replaced; the rest as it is. */
    public static String editCell(String table, String cellId, String text) {
        Matcher cell = Pattern.compile("(<(?:outputEntry|inputEntry) id=\"" + cellId + "\">\\s*<text>)(.*?)(</text>)",
                Pattern.DOTALL).matcher(table);
        assertThat(cell.find()).as("the table has a cell " + cellId).isTrue();
        return table.substring(0, cell.start()) + cell.group(1) + text.replace("&", "&amp;").replace("<", "&lt;")
                + cell.group(3) + table.substring(cell.end());
    }

    public static String table(String file) {
        try {
            return new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
