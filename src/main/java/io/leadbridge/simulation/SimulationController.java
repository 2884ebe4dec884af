package io.leadbridge.simulation;

import io.leadbridge.config.LeadClock;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.simulation.SimulationReport.Period;
import io.leadbridge.simulation.SimulationTables.CandidateFile;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/routing/simulations}: an analyst uploads edited decision tables and a period,
 * and sees how routing of the leads received in that period would change.
 * The period reads as the reports' ({@link ReportPeriod}: a date as {@code to} includes that
 * day), but both ends are required and it may be at most 366 days long. Only those who may
 * change the rules run it: channel managers, business analysts and administrators.
 */
@RestController
class SimulationController {

    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final RoutingSimulation simulation;
    private final CallerProvider callers;
    private final LeadClock clock;

    SimulationController(RoutingSimulation simulation, CallerProvider callers, LeadClock clock) {
        this.simulation = simulation;
        this.callers = callers;
        this.clock = clock;
    }

    @PostMapping(path = "/api/routing/simulations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SimulationReport simulate(@RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!callers.current().mayChangeRules()) {
            throw ApiException.forbidden("only channel managers, business analysts and administrators may run routing "
                    + "simulations");
        }
        List<FieldError> missing = new ArrayList<>();
        if (from == null || from.isBlank()) {
            missing.add(new FieldError("from", "is required: an ISO date (2026-05-01) or instant (2026-05-01T00:00:00Z)"));
        }
        if (to == null || to.isBlank()) {
            missing.add(new FieldError("to", "is required: an ISO date (2026-05-31, that whole day included) or "
                    + "instant (2026-06-01T00:00:00Z)"));
        }
        if (files == null || files.isEmpty()) {
            missing.add(new FieldError("file", "at least one candidate .dmn file is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        ReportPeriod period = ReportPeriod.parse(from, to, clock.now(), Duration.ZERO);
        Duration length = Duration.between(period.from(), period.to());
        if (length.compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidInputException("to", "the period may be at most 366 days, is " + length.toDays()
                    + " days");
        }
        return simulation.run(files.stream().map(SimulationController::candidate).toList(),
                new Period(period.from(), period.to()));
    }

    private static CandidateFile candidate(MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file"
                    : file.getOriginalFilename();
            return new CandidateFile(name, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
