package io.leadbridge.contactcheck;

import io.leadbridge.security.CallerProvider;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A lead's customer contact checks, for vendor users: the customer's answers are the vendor's. */
@RestController
class ContactCheckController {

    private final ContactChecks checks;
    private final CallerProvider callers;

    ContactCheckController(ContactChecks checks, CallerProvider callers) {
        this.checks = checks;
        this.callers = callers;
    }

    @GetMapping("/api/leads/{id}/contact-checks")
    List<ContactCheck> list(@PathVariable long id) {
        return checks.forLead(id, callers.current());
    }
}
