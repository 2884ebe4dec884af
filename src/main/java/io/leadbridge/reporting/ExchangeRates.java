package io.leadbridge.reporting;

import io.leadbridge.config.DatabaseProduct;
import io.leadbridge.config.LeadClock;
import io.leadbridge.web.ApiException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly exchange rates into the reporting currency ({@code exchange_rate}): kept by channel
 * managers, read by every report that adds up money. Only the rates into the reporting currency
 * in force are listed and used; rates stored for another one stay in the table, unused.
 */
@Service
public class ExchangeRates {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRates.class);

    private final JdbcClient jdbc;
    private final ReportingProperties reporting;
    private final LeadClock clock;
    private final DatabaseProduct database;

    ExchangeRates(JdbcClient jdbc, ReportingProperties reporting, LeadClock clock, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.reporting = reporting;
        this.clock = clock;
        this.database = database;
    }

    /** Every rate, by currency and month; of one currency when {@code currency} is given. */
    public List<ExchangeRate> list(String currency) {
        return jdbc.sql("""
                select currency, rate_month, rate, reporting_currency, updated_at, updated_by from exchange_rate
                where reporting_currency = :reporting
                  and (cast(:currency as varchar(3)) is null or currency = :currency)
                order by currency, rate_month""")
                .param("reporting", reporting.currency()).param("currency", currency)
                .query((rs, i) -> new ExchangeRate(rs.getString("currency"),
                        YearMonth.from(rs.getDate("rate_month").toLocalDate()).toString(), rs.getBigDecimal("rate"),
                        rs.getString("reporting_currency"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .list();
    }

    /** One month's rate; 404 when there is none. */
    public ExchangeRate get(String currency, YearMonth month) {
        return list(currency).stream().filter(r -> r.month().equals(month.toString())).findFirst()
                .orElseThrow(() -> ApiException.notFound("no rate of " + currency + " for " + month));
    }

    /** What one unit of the currency was worth in the reporting currency in the month: 1 for itself. */
    public Optional<BigDecimal> rate(String currency, YearMonth month) {
        if (reporting.currency().equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return jdbc.sql("""
                select rate from exchange_rate
                where reporting_currency = :reporting and currency = :currency and rate_month = :month""")
                .param("reporting", reporting.currency()).param("currency", currency)
                .param("month", Date.valueOf(month.atDay(1)))
                .query(BigDecimal.class).optional();
    }

    /** Converted sums in the reporting currency for one report: each rate looked up once. */
    public ConvertedSum.Rates forOneReport() {
        return new ConvertedSum.Rates(this, reporting.currency());
    }

    /** Sets (or replaces) one month's rate. */
    @Transactional
    public ExchangeRate put(RateLine line, String actor) {
        store(line, actor);
        log.info("exchange rate {} {}: {} {} set by {}", line.currency(), line.month(), line.rate(),
                reporting.currency(), actor);
        return get(line.currency(), line.month());
    }

    /** Sets every rate of an upload, all or none. */
    @Transactional
    public List<ExchangeRate> putAll(List<RateLine> lines, String actor) {
        lines.forEach(line -> store(line, actor));
        log.info("exchange rates: {} uploaded by {}", lines.size(), actor);
        Set<String> stored = lines.stream().map(l -> l.currency() + " " + l.month()).collect(Collectors.toSet());
        return list(null).stream().filter(r -> stored.contains(r.currency() + " " + r.month())).toList();
    }

    /** Removes one month's rate; 404 when there is none. */
    @Transactional
    public void delete(String currency, YearMonth month, String actor) {
        int removed = jdbc.sql("""
                delete from exchange_rate
                where reporting_currency = :reporting and currency = :currency and rate_month = :month""")
                .param("reporting", reporting.currency()).param("currency", currency)
                .param("month", Date.valueOf(month.atDay(1)))
                .update();
        if (removed == 0) {
            throw ApiException.notFound("no rate of " + currency + " for " + month);
        }
        log.info("exchange rate {} {}: removed by {}", currency, month, actor);
    }

    /** Inserts the month's row, or updates it where it exists: in one statement, so two requests never collide. */
    private void store(RateLine line, String actor) {
        Instant starts = line.month().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant ends = line.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.sql(database.isPostgres() ? STORE_ON_POSTGRES : STORE_ON_H2)
                .param("reporting", reporting.currency()).param("currency", line.currency())
                .param("month", Date.valueOf(line.month().atDay(1)))
                .param("starts", Timestamp.from(starts)).param("ends", Timestamp.from(ends))
                .param("rate", line.rate()).param("now", Timestamp.from(clock.now())).param("actor", actor)
                .update();
    }

    private static final String STORE_ON_POSTGRES = """
            insert into exchange_rate (reporting_currency, currency, rate_month, starts_at, ends_at, rate, updated_at,
                                       updated_by)
            values (:reporting, :currency, :month, :starts, :ends, :rate, :now, :actor)
            on conflict (reporting_currency, currency, rate_month) do update
            set rate = excluded.rate, updated_at = excluded.updated_at, updated_by = excluded.updated_by""";

    /** H2 (the embedded default) has no {@code on conflict}; its {@code merge ... key} does the same. */
    private static final String STORE_ON_H2 = """
            merge into exchange_rate (reporting_currency, currency, rate_month, starts_at, ends_at, rate, updated_at,
                                      updated_by)
            key (reporting_currency, currency, rate_month)
            values (:reporting, :currency, :month, :starts, :ends, :rate, :now, :actor)""";
}
