package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code account-protection.dmn}: which leads belong to a partner's named account. */
class AccountProtectionDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("account-protection.dmn");

    @ParameterizedTest(name = "{0} -> {3} / {4}")
    @CsvSource(nullValues = "unknown", textBlock = """
            globex.com,  Globex Corporation,  US,      northwind-systems, nina
            globex.com,  unknown,             unknown, northwind-systems, nina
            globex.com,  Wayne Enterprises,   US,      northwind-systems, nina
            initech.com, Initech,             US,      contoso-partners,  connor
            umbrella.de, Umbrella GmbH,       DE,      fabrikam-it,       franz
            hooli.co.uk, Hooli XYZ Ltd,       GB,      adatum-consulting, ada
            hooli.co.uk, Hooli XYZ Ltd,       IE,      adatum-consulting, ada
            """)
    void protectsNamedAccountsByDomainWhateverTheNameOrCountry(String accountDomain, String accountName,
            String country, String partnerId, String repUsername) {
        assertProtection(accountDomain, accountName, country, "PROTECTED", partnerId, repUsername);
    }

    @ParameterizedTest(name = "{1} ({2}) -> woodgrove-digital")
    @CsvSource(nullValues = "unknown", textBlock = """
            wayne.com,             Wayne Enterprises,             US
            wayneenterprises.net,  Wayne Enterprises Inc.,        US
            wayne-aerospace.com,   Wayne Enterprises Aerospace,   US
            unknown,               WAYNE ENTERPRISES,             US
            """)
    void protectsWayneEnterprisesInTheUsByNameOnAnyDomain(String accountDomain, String accountName, String country) {
        assertProtection(accountDomain, accountName, country, "PROTECTED", "woodgrove-digital", "will");
    }

    @ParameterizedTest(name = "{0}, {1} ({2}) -> OPEN")
    @CsvSource(nullValues = "unknown", textBlock = """
            acme.com,        Acme Corp,              US
            mail.globex.com, Globex Corporation,     US
            globex.co,       Globex Corporation,     US
            wayne.co.uk,     Wayne Enterprises Ltd,  GB
            wayne.com,       Wayne Enterprises,      unknown
            wayne.com,       The Wayne Enterprises,  US
            unknown,         unknown,                unknown
            """)
    void leavesEveryOtherAccountOpen(String accountDomain, String accountName, String country) {
        assertProtection(accountDomain, accountName, country, "OPEN", null, null);
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertProtection(String accountDomain, String accountName, String country,
            String protection, String partnerId, String repUsername) {
        var result = DMN.evaluateSingle("accountProtection", Variables.createVariables()
                .putValue("accountDomain", accountDomain)
                .putValue("accountName", accountName)
                .putValue("country", country));

        Map<String, Object> expected = new HashMap<>();
        expected.put("protection", protection);
        expected.put("partnerId", partnerId);
        expected.put("repUsername", repUsername);
        assertThat(result.getEntryMap()).isEqualTo(expected);
    }
}
