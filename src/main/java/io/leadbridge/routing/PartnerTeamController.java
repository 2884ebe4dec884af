package io.leadbridge.routing;

import io.leadbridge.security.CallerProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/partners/{id}/team}: the partner's people with their load, profiles and absences. */
@RestController
class PartnerTeamController {

    private final PartnerTeam team;
    private final CallerProvider callers;

    PartnerTeamController(PartnerTeam team, CallerProvider callers) {
        this.team = team;
        this.callers = callers;
    }

    @GetMapping("/api/partners/{id}/team")
    PartnerTeam.Team team(@PathVariable String id) {
        return team.of(id, callers.current());
    }
}
