package io.leadbridge.supportrequest;

import io.leadbridge.security.CallerProvider;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A lead's support requests: reps of the holding partner ask; they and vendor users read. */
@RestController
@RequestMapping("/api/leads/{id}/support-requests")
class SupportRequestController {

    private final SupportRequests requests;
    private final CallerProvider callers;

    SupportRequestController(SupportRequests requests, CallerProvider callers) {
        this.requests = requests;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<SupportRequest> request(@PathVariable long id, @RequestBody NewSupportRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.request(id, request, callers.current()));
    }

    @GetMapping
    List<SupportRequest> list(@PathVariable long id) {
        return requests.forLead(id, callers.current());
    }
}
