package io.leadbridge.reporting;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.ApiLimitsProperties;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/exchange-rates}: the monthly rates into the reporting currency. Everyone logged in
 * reads them (the reports a partner sees are converted with them); channel managers set, upload
 * and remove them.
 */
@RestController
@RequestMapping("/api/exchange-rates")
class ExchangeRateController {

    private final ExchangeRates rates;
    private final ReportingProperties reporting;
    private final CallerProvider callers;
    private final ApiLimitsProperties limits;

    ExchangeRateController(ExchangeRates rates, ReportingProperties reporting, CallerProvider callers,
            ApiLimitsProperties limits) {
        this.rates = rates;
        this.reporting = reporting;
        this.callers = callers;
        this.limits = limits;
    }

    /** Every rate, or those of one currency. */
    @GetMapping
    List<ExchangeRate> list(@RequestParam(required = false) String currency) {
        if (currency == null) {
            return rates.list(null);
        }
        List<FieldError> errors = new ArrayList<>();
        String code = RateLine.currency(currency, null, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return rates.list(code);
    }

    @GetMapping("/{currency}/{month}")
    ExchangeRate get(@PathVariable String currency, @PathVariable String month) {
        RateLine key = line(currency, month, BigDecimal.ONE);
        return rates.get(key.currency(), key.month());
    }

    /** Sets one month's rate: {@code {"rate": 0.92}}. */
    @PutMapping("/{currency}/{month}")
    ExchangeRate put(@PathVariable String currency, @PathVariable String month, @RequestBody RateRequest body) {
        Caller caller = channelManager();
        return rates.put(line(currency, month, body.rate()), caller.username());
    }

    @DeleteMapping("/{currency}/{month}")
    ResponseEntity<Void> delete(@PathVariable String currency, @PathVariable String month) {
        Caller caller = channelManager();
        RateLine key = line(currency, month, BigDecimal.ONE);
        rates.delete(key.currency(), key.month(), caller.username());
        return ResponseEntity.noContent().build();
    }

    /**
     * A file of rates as the body, read whole as bytes: within the API's body limit, which answers
     * 413 for a larger one, also one sent without a length.
     */
    @PostMapping(consumes = "text/csv")
    Upload uploadBody(@RequestBody(required = false) byte[] body) {
        return upload(new ByteArrayInputStream(body == null ? new byte[0] : body), channelManager());
    }

    /** A file of rates as the part {@code file} of a form upload, bounded as a body is. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Upload uploadFile(@RequestParam("file") MultipartFile file) throws IOException {
        Caller caller = channelManager();
        long max = limits.maxBodySize().toBytes();
        if (file.getSize() > max) {
            throw ApiException.tooLarge("the file is larger than " + limits.maxBodySize().toKilobytes()
                    + " KB, the limit of a rates file");
        }
        try (InputStream in = file.getInputStream()) {
            return upload(in, caller);
        }
    }

    private Upload upload(InputStream in, Caller caller) {
        List<RateLine> lines = ExchangeRateFile.read(in, reporting.currency());
        return new Upload(lines.size(), rates.putAll(lines, caller.username()));
    }

    private RateLine line(String currency, String month, BigDecimal rate) {
        List<FieldError> errors = new ArrayList<>();
        String code = RateLine.currency(currency, reporting.currency(), "", errors);
        YearMonth yearMonth = RateLine.month(month, "", errors);
        BigDecimal checked = RateLine.rate(rate, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RateLine(code, yearMonth, checked);
    }

    private Caller channelManager() {
        Caller caller = callers.current();
        if (!caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers may set exchange rates");
        }
        return caller;
    }

    /** The body of a PUT. */
    record RateRequest(BigDecimal rate) {
    }

    /** What an upload stored: how many rates, and each as stored. */
    record Upload(int imported, List<ExchangeRate> rates) {
    }
}
