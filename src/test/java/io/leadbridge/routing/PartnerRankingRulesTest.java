package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.routing.PartnerRankingRules.RankingInput;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Remembered ranking answers belong to one deployed table: a redeployed table answers at once. */
@LeadbridgeTest
class PartnerRankingRulesTest {

    private static final RankingInput GOLD_WITHOUT_HISTORY = new RankingInput("GOLD", null, null, null, 0.1, "GOOD");

    @Autowired PartnerRankingRules ranking;
    @Autowired RepositoryService repository;
    @Autowired LeadFixtures fixtures;

    private String deployment;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void backToTheShippedTable() {
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aRedeployedRankingTableTakesEffectWithTheNextChoiceWhileTheOldVersionKeepsItsAnswers() throws IOException {
        String shipped = ranking.currentVersion();
        assertThat(ranking.weight(shipped, GOLD_WITHOUT_HISTORY)).isEqualTo(30);

        String table = new ClassPathResource("partner-ranking.dmn").getContentAsString(StandardCharsets.UTF_8);
        String edited = table.replaceFirst("(?s)(<rule id=\"Rule_Gold\">.*?<outputEntry[^>]*>\\s*<text>)30(</text>)", "$135$2");
        assertThat(edited).isNotEqualTo(table);
        deployment = repository.createDeployment().name("gold weighs more").addString("partner-ranking.dmn", edited)
                .deploy().getId();

        String redeployed = ranking.currentVersion();
        assertThat(redeployed).isNotEqualTo(shipped);
        assertThat(ranking.weight(redeployed, GOLD_WITHOUT_HISTORY)).isEqualTo(35);
        assertThat(ranking.weight(shipped, GOLD_WITHOUT_HISTORY)).as("a choice begun on the old table").isEqualTo(30);
    }
}
