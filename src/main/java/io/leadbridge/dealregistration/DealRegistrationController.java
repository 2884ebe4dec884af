package io.leadbridge.dealregistration;

import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.InvalidInputException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deal registrations: partners register and report on their deals; vendor users read them all. */
@RestController
@RequestMapping("/api/deals")
class DealRegistrationController {

    static final int MAX_LIMIT = 500;

    private final DealRegistrations registrations;
    private final CallerProvider callers;

    DealRegistrationController(DealRegistrations registrations, CallerProvider callers) {
        this.registrations = registrations;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<DealRegistration> register(@Valid @RequestBody DealRegistrationRequest request) {
        DealRegistration registered = registrations.register(request, callers.current());
        return ResponseEntity.created(URI.create("/api/deals/" + registered.id())).body(registered);
    }

    @GetMapping
    List<DealRegistration> list(@RequestParam(required = false) DealStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return registrations.list(callers.current(), status, limit);
    }

    @GetMapping("/{id}")
    DealRegistration get(@PathVariable long id) {
        return registrations.visible(id, callers.current());
    }

    @PostMapping("/{id}/updates")
    DealRegistration update(@PathVariable long id, @Valid @RequestBody DealUpdate update) {
        return registrations.update(id, update, callers.current());
    }
}
