package io.leadbridge.calendar;

import io.leadbridge.calendar.PartnerCalendarService.CalendarRequest;
import io.leadbridge.calendar.PartnerCalendarService.CalendarView;
import io.leadbridge.calendar.PartnerCalendarService.ClosureRequest;
import io.leadbridge.security.CallerProvider;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner's working calendar and its closures (company holidays), which its working-time SLAs count with. */
@RestController
@RequestMapping("/api/partners/{partnerId}")
class PartnerCalendarController {

    private final PartnerCalendarService calendars;
    private final CallerProvider callers;

    PartnerCalendarController(PartnerCalendarService calendars, CallerProvider callers) {
        this.calendars = calendars;
        this.callers = callers;
    }

    @GetMapping("/calendar")
    CalendarView calendar(@PathVariable String partnerId) {
        return calendars.calendar(partnerId, callers.current());
    }

    @PutMapping("/calendar")
    CalendarView setCalendar(@PathVariable String partnerId, @Valid @RequestBody CalendarRequest request) {
        return calendars.setCalendar(partnerId, request, callers.current());
    }

    @GetMapping("/closures")
    List<Closure> closures(@PathVariable String partnerId) {
        return calendars.closures(partnerId, callers.current());
    }

    @GetMapping("/closures/{closureId}")
    Closure closure(@PathVariable String partnerId, @PathVariable long closureId) {
        return calendars.closure(partnerId, closureId, callers.current());
    }

    @PostMapping("/closures")
    ResponseEntity<Closure> addClosure(@PathVariable String partnerId, @Valid @RequestBody ClosureRequest request) {
        Closure closure = calendars.addClosure(partnerId, request, callers.current());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/closures/" + closure.id()))
                .body(closure);
    }

    @DeleteMapping("/closures/{closureId}")
    ResponseEntity<Void> removeClosure(@PathVariable String partnerId, @PathVariable long closureId) {
        calendars.removeClosure(partnerId, closureId, callers.current());
        return ResponseEntity.noContent().build();
    }
}
