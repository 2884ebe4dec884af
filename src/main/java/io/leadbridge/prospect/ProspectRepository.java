package io.leadbridge.prospect;

import io.leadbridge.config.DatabaseProduct;
import io.leadbridge.config.LeadClock;
import io.leadbridge.database.TransactionMemo;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and contacts. An account is matched by domain and a contact by e-mail, so a company
 * or person that sends several leads is stored once and kept up to date with the latest facts.
 *
 * <p>An account read is kept until the transaction ends: a lead's routing step reads its account
 * for the choice of partner, for the offer's mail and for its webhook. Every write to
 * {@code account} goes through here and forgets the account it changes.
 */
@Repository
public class ProspectRepository {

    /** The accounts the transaction read. */
    private final TransactionMemo<Long, Account> accountsRead = new TransactionMemo<>();

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;
    private final DatabaseProduct database;

    ProspectRepository(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners,
            DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
        this.clock = clock;
        this.listeners = listeners;
    }

    /**
     * The account with this domain, created or refreshed with the facts given. Facts left out are kept.
     *
     * <p>Neither this nor {@link #upsertContact} locks the row {@code for update}: that lock also
     * shuts out the key-share lock that every insert referring to the row takes (a lead, a report
     * fact), so two transactions on leads of one company deadlocked. The row is inserted unless
     * it is there ({@code on conflict do nothing}, waiting for a transaction that is inserting it),
     * then updated only where a fact changed, which locks it only against other updates: leads of
     * one company arriving together with the same facts do not wait for each other at all.
     * {@code updated_at} is when a fact last changed.
     */
    public long upsertAccount(String name, String domain, String industry, String country, String region,
            Integer employees, BigDecimal annualRevenue) {
        Timestamp now = Timestamp.from(clock.now());
        int created = insertUnlessPresent("account", "domain", domain, """
                insert into account (name, domain, industry, country, region, employees, annual_revenue, created_at,
                                     updated_at)
                values (:name, :domain, :industry, :country, :region, :employees, :revenue, :now, :now)""",
                insert -> insert.param("name", name).param("domain", domain).param("industry", industry)
                        .param("country", country).param("region", region).param("employees", employees)
                        .param("revenue", annualRevenue).param("now", now));
        int updated = 0;
        if (created == 0) {
            updated = jdbc.sql("""
                    update account set name = :name, industry = coalesce(:industry, industry), country = :country,
                           region = coalesce(:region, region),
                           employees = coalesce(:employees, employees),
                           annual_revenue = coalesce(:revenue, annual_revenue), updated_at = :now
                    where domain = :domain
                      and (name is distinct from :name or country is distinct from :country
                           or industry is distinct from coalesce(:industry, industry)
                           or region is distinct from coalesce(:region, region)
                           or employees is distinct from coalesce(:employees, employees)
                           or annual_revenue is distinct from coalesce(:revenue, annual_revenue))""")
                    .param("domain", domain).param("name", name).param("industry", industry)
                    .param("country", country).param("region", region).param("employees", employees)
                    .param("revenue", annualRevenue).param("now", now)
                    .update();
        }
        long id = jdbc.sql("select id from account where domain = :domain").param("domain", domain)
                .query(Long.class).single();
        if (updated > 0) {
            Map<Long, Account> read = accountsRead.current();
            if (read != null) {
                read.remove(id);
            }
            listeners.publishEvent(new AccountUpdated(id));
        }
        return id;
    }

    /** The contact with this e-mail, created or refreshed (see {@link #upsertAccount} on locks). */
    public long upsertContact(long accountId, String firstName, String lastName, String email, String phone,
            String title) {
        Timestamp now = Timestamp.from(clock.now());
        int created = insertUnlessPresent("contact", "email", email, """
                insert into contact (account_id, first_name, last_name, email, phone, title, created_at, updated_at)
                values (:accountId, :firstName, :lastName, :email, :phone, :title, :now, :now)""",
                insert -> insert.param("accountId", accountId).param("firstName", firstName)
                        .param("lastName", lastName).param("email", email).param("phone", phone).param("title", title)
                        .param("now", now));
        if (created == 0) {
            jdbc.sql("""
                    update contact set account_id = :accountId, first_name = :firstName, last_name = :lastName,
                           phone = coalesce(:phone, phone), title = coalesce(:title, title), updated_at = :now
                    where email = :email
                      and (account_id <> :accountId or first_name is distinct from :firstName
                           or last_name is distinct from :lastName or phone is distinct from coalesce(:phone, phone)
                           or title is distinct from coalesce(:title, title))""")
                    .param("email", email).param("accountId", accountId).param("firstName", firstName)
                    .param("lastName", lastName).param("phone", phone).param("title", title).param("now", now)
                    .update();
        }
        return jdbc.sql("select id from contact where email = :email").param("email", email)
                .query(Long.class).single();
    }

    /**
     * Runs the insert unless a row with this value of its unique {@code key} is there, and says
     * how many rows it inserted. PostgreSQL: {@code on conflict do nothing}, which waits for a
     * transaction inserting the same key and then does nothing. H2 (the embedded default, one
     * node) has no {@code on conflict}: it looks first.
     */
    private int insertUnlessPresent(String table, String key, String value, String insert,
            UnaryOperator<JdbcClient.StatementSpec> params) {
        if (database.isPostgres()) {
            return params.apply(jdbc.sql(insert + " on conflict (" + key + ") do nothing")).update();
        }
        long present = jdbc.sql("select count(*) from " + table + " where " + key + " = :value")
                .param("value", value).query(Long.class).single();
        return present > 0 ? 0 : params.apply(jdbc.sql(insert)).update();
    }

    public Account account(long id) {
        return accountsRead.currentOrNone().computeIfAbsent(id, this::read);
    }

    private Account read(long id) {
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
