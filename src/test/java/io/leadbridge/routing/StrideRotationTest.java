package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadbridge.routing.StrideRotation.Contender;
import io.leadbridge.routing.StrideRotation.Pick;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrideRotationTest {

    @Test
    void eachPartnersShareOfThousandsOfLeadsTracksItsWeight() {
        List<Contender> pool = List.of(new Contender("platinum", 40), new Contender("gold", 30),
                new Contender("registered", 10), new Contender("silver", 20));
        Map<String, Integer> received = run(pool, new HashMap<>(), 5000);

        assertThat(share(received, "platinum")).isCloseTo(0.40, within(0.02));
        assertThat(share(received, "gold")).isCloseTo(0.30, within(0.02));
        assertThat(share(received, "silver")).isCloseTo(0.20, within(0.02));
        assertThat(share(received, "registered")).isCloseTo(0.10, within(0.02));
    }

    @Test
    void leadsAreInterleavedNotHandedOutInRuns() {
        List<Contender> pool = List.of(new Contender("a", 30), new Contender("b", 30), new Contender("c", 30));
        Map<String, Double> passes = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Pick pick = StrideRotation.choose(pool, passes).orElseThrow();
            passes.putAll(pick.joined());
            passes.put(pick.partnerId(), pick.passAfter());
            order.add(pick.partnerId());
        }
        assertThat(order).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void theSameStateGivesTheSameChoiceAndTiesGoToTheLowestId() {
        List<Contender> pool = List.of(new Contender("zeta", 10), new Contender("alpha", 10));
        Map<String, Double> passes = Map.of("zeta", 5.0, "alpha", 5.0);

        assertThat(StrideRotation.choose(pool, passes).orElseThrow().partnerId()).isEqualTo("alpha");
        assertThat(StrideRotation.choose(pool, passes).orElseThrow().partnerId()).isEqualTo("alpha");
    }

    @Test
    void aPartnerJoiningAPoolStartsLevelWithTheOthersNeitherFloodedNorStarved() {
        List<Contender> pool = new ArrayList<>(List.of(new Contender("old-a", 20), new Contender("old-b", 20)));
        Map<String, Double> passes = new HashMap<>();
        run(pool, passes, 1000);
        pool.add(new Contender("newcomer", 20));

        Map<String, Integer> next = run(pool, passes, 300);

        assertThat(next.get("newcomer")).isBetween(99, 101);
    }

    @Test
    void amongPartnersNewToAPoolTheHeaviestGoesFirstNotTheLowestId() {
        List<Contender> pool = List.of(new Contender("aaa-registered", 10), new Contender("zzz-platinum", 40));

        assertThat(StrideRotation.choose(pool, new HashMap<>()).orElseThrow().partnerId()).isEqualTo("zzz-platinum");
    }

    @Test
    void nobodyToChooseFromGivesNoPick() {
        assertThat(StrideRotation.choose(List.of(), Map.of())).isEmpty();
    }

    private static Map<String, Integer> run(List<Contender> pool, Map<String, Double> passes, int leads) {
        Map<String, Integer> received = new HashMap<>();
        for (int i = 0; i < leads; i++) {
            Pick pick = StrideRotation.choose(pool, passes).orElseThrow();
            passes.putAll(pick.joined());
            passes.put(pick.partnerId(), pick.passAfter());
            received.merge(pick.partnerId(), 1, Integer::sum);
        }
        return received;
    }

    private static double share(Map<String, Integer> received, String partner) {
        int total = received.values().stream().mapToInt(Integer::intValue).sum();
        return received.getOrDefault(partner, 0) / (double) total;
    }
}
