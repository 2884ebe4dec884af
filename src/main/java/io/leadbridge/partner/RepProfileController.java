package io.leadbridge.partner;

import io.leadbridge.security.CallerProvider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inside the partner: its reps' profiles and how it dispatches its offers. */
@RestController
@RequestMapping("/api/partners/{id}")
class RepProfileController {

    private final RepProfiles profiles;
    private final CallerProvider callers;

    RepProfileController(RepProfiles profiles, CallerProvider callers) {
        this.profiles = profiles;
        this.callers = callers;
    }

    @GetMapping("/reps/{username}/profile")
    RepProfile profile(@PathVariable String id, @PathVariable String username) {
        return profiles.profile(id, username, callers.current());
    }

    @PutMapping("/reps/{username}/profile")
    RepProfile saveProfile(@PathVariable String id, @PathVariable String username,
            @Valid @RequestBody RepProfileRequest request) {
        return profiles.saveProfile(id, username, request, callers.current());
    }

    @GetMapping("/dispatch")
    PartnerDispatch dispatch(@PathVariable String id) {
        return profiles.dispatch(id, callers.current());
    }

    @PutMapping("/dispatch")
    PartnerDispatch saveDispatch(@PathVariable String id, @Valid @RequestBody DispatchRequest request) {
        return profiles.saveDispatch(id, request.teamQueue(), request.manualDispatch(), callers.current());
    }

    /** The partner's choice: a team queue for its reps, and whether its lead managers dispatch by hand. */
    record DispatchRequest(@NotNull Boolean teamQueue, @NotNull Boolean manualDispatch) {
    }
}
