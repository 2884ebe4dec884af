package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.routing.PartnerRankingRules.RankingInput;
import io.leadbridge.support.EditedTables;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Remembered ranking answers belong to one deployed table: a redeployed table answers at once. */
@LeadbridgeTest
class PartnerRankingRulesTest {

    private static final RankingInput GOLD_WITHOUT_HISTORY = new RankingInput("GOLD", null, null, null, 0.1, "GOOD");

    @RegisterExtension final EditedTables tables = new EditedTables();
    @Autowired PartnerRankingRules ranking;
    @Autowired LeadFixtures fixtures;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aRedeployedRankingTableTakesEffectWithTheNextChoiceWhileTheOldVersionKeepsItsAnswers() {
        String shipped = ranking.currentVersion();
        assertThat(ranking.weight(shipped, GOLD_WITHOUT_HISTORY)).isEqualTo(30);

        String table = EditedTables.shipped("partner-ranking.dmn");
        String edited = table.replaceFirst("(?s)(<rule id=\"Rule_Gold\">.*?<outputEntry[^>]*>\\s*<text>)30(</text>)", "$135$2");
        assertThat(edited).isNotEqualTo(table);
        tables.deploy("gold weighs more", "partner-ranking.dmn", edited);

        String redeployed = ranking.currentVersion();
        assertThat(redeployed).isNotEqualTo(shipped);
        assertThat(ranking.weight(redeployed, GOLD_WITHOUT_HISTORY)).isEqualTo(35);
        assertThat(ranking.weight(shipped, GOLD_WITHOUT_HISTORY)).as("a choice begun on the old table").isEqualTo(30);
    }
}
