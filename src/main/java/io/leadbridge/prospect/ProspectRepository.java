package io.leadbridge.prospect;

import io.leadbridge.config.LeadClock;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Accounts and contacts. An account is matched by domain and a contact by e-mail, so a company
 * or person that sends several leads is stored once and kept up to date with the latest facts.
 */
@Repository
public class ProspectRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;

    ProspectRepository(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** The account with this domain, created or refreshed with the facts given. Facts left out are kept. */
    public long upsertAccount(String name, String domain, String industry, String country, String region,
            Integer employees, BigDecimal annualRevenue) {
        Timestamp now = Timestamp.from(clock.now());
        Optional<Long> existing = jdbc.sql("select id from account where domain = :domain for update")
                .param("domain", domain).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                    update account set name = :name, industry = coalesce(:industry, industry), country = :country,
                           region = coalesce(:region, region),
                           employees = coalesce(:employees, employees),
                           annual_revenue = coalesce(:revenue, annual_revenue), updated_at = :now
                    where id = :id""")
                    .param("id", existing.get()).param("name", name).param("industry", industry)
                    .param("country", country).param("region", region).param("employees", employees)
                    .param("revenue", annualRevenue).param("now", now)
                    .update();
            listeners.publishEvent(new AccountUpdated(existing.get()));
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (name, domain, industry, country, region, employees, annual_revenue, created_at,
                                     updated_at)
                values (:name, :domain, :industry, :country, :region, :employees, :revenue, :now, :now)""")
                .param("name", name).param("domain", domain).param("industry", industry).param("country", country)
                .param("region", region)
                .param("employees", employees).param("revenue", annualRevenue).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The contact with this e-mail, created or refreshed. */
    public long upsertContact(long accountId, String firstName, String lastName, String email, String phone,
            String title) {
        Timestamp now = Timestamp.from(clock.now());
        Optional<Long> existing = jdbc.sql("select id from contact where email = :email for update")
                .param("email", email).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                    update contact set account_id = :accountId, first_name = :firstName, last_name = :lastName,
                           phone = coalesce(:phone, phone), title = coalesce(:title, title), updated_at = :now
                    where id = :id""")
                    .param("id", existing.get()).param("accountId", accountId).param("firstName", firstName)
                    .param("lastName", lastName).param("phone", phone).param("title", title).param("now", now)
                    .update();
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into contact (account_id, first_name, last_name, email, phone, title, created_at, updated_at)
                values (:accountId, :firstName, :lastName, :email, :phone, :title, :now, :now)""")
                .param("accountId", accountId).param("firstName", firstName).param("lastName", lastName)
                .param("email", email).param("phone", phone).param("title", title).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Account account(long id) {
        return jdbc.sql("select * from account where id = :id").param("id", id)
                .query((rs, i) -> new Account(rs.getLong("id"), rs.getString("name"), rs.getString("domain"),
                        rs.getString("industry"), rs.getString("country"), (Integer) rs.getObject("employees", Integer.class),
                        rs.getBigDecimal("annual_revenue"), rs.getString("region")))
                .single();
    }

    public Contact contact(long id) {
        return jdbc.sql("select * from contact where id = :id").param("id", id)
                .query((rs, i) -> new Contact(rs.getLong("id"), rs.getLong("account_id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email"), rs.getString("phone"), rs.getString("title")))
                .single();
    }
}
