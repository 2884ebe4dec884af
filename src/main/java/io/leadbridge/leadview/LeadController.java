package io.leadbridge.leadview;

import io.leadbridge.csv.CsvDownload;
import io.leadbridge.csv.CsvWriter;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadCsvExport;
import io.leadbridge.lead.LeadSearch;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading leads: one with its timeline, a filtered page of them, or all of them as CSV. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private static final int MAX_PAGE_SIZE = 200;

    private final LeadViews views;
    private final LeadSearch search;
    private final CallerProvider callers;
    private final LeadCsvExport export;
    private final LeadAccess access;

    LeadController(LeadViews views, LeadSearch search, CallerProvider callers, LeadCsvExport export,
            LeadAccess access) {
        this.access = access;
        this.views = views;
        this.search = search;
        this.callers = callers;
        this.export = export;
    }

    @GetMapping("/{id}")
    LeadView get(@PathVariable long id) {
        Caller caller = callers.current();
        return views.detail(views.visibleLead(id, caller), caller);
    }

    @GetMapping
    LeadPage list(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String segment,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String campaign,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Caller caller = callers.current();
        partner = visiblePartner(partner, caller);
        var found = search.find(new LeadSearch.Criteria(status, partner, segment, country, campaign,
                access.onlyLeadsOfRep(caller)), page, size);
        List<LeadView> items = found.leads().stream().map(lead -> views.summary(lead, caller)).toList();
        return new LeadPage(items, page, size, found.total());
    }

    /** Every matching lead as CSV, asked for with {@code Accept: text/csv}; the same filters and visibility, no pages. */
    @GetMapping(produces = "text/csv")
    void exportCsv(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String segment,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String campaign,
            HttpServletResponse response) throws IOException {
        Caller caller = callers.current();
        String visible = visiblePartner(partner, caller);
        CsvDownload.prepare(response, "leads.csv");
        export.write(new LeadSearch.Criteria(status, visible, segment, country, campaign,
                access.onlyLeadsOfRep(caller)),
                new CsvWriter(response.getWriter()));
    }

    /** The same as CSV, asked for with {@code ?format=csv}, e.g. from a browser's address bar. */
    @GetMapping(params = "format=csv")
    void exportCsvByParameter(@RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String segment,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String campaign,
            HttpServletResponse response) throws IOException {
        exportCsv(status, partner, segment, country, campaign, response);
    }

    /** A partner user lists only its own partner's leads (403 for another); vendor users any partner's. */
    private static String visiblePartner(String partner, Caller caller) {
        if (caller.isPartnerUser()) {
            if (partner != null && !partner.equals(caller.partnerId())) {
                throw ApiException.forbidden("you may only list your own partner's leads");
            }
            return caller.partnerId();
        }
        return partner;
    }

    /** A page of leads and how many match in all. */
    record LeadPage(List<LeadView> items, int page, int size, long total) {
    }
}
