package io.leadbridge.followon;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due follow-on leads every {@code leadbridge.follow-on.check-interval} on every node.
 * Whether one is due is judged on the engine's clock; two nodes checking at once create each
 * follow-on once (see {@link FollowOnLeads#createDue}).
 */
@Component
class FollowOnCheck {

    private final FollowOnLeads followOns;

    FollowOnCheck(FollowOnLeads followOns) {
        this.followOns = followOns;
    }

    @Scheduled(fixedDelayString = "${leadbridge.follow-on.check-interval:1h}",
            initialDelayString = "${leadbridge.follow-on.check-interval:1h}")
    void check() {
        followOns.createDue();
    }
}
