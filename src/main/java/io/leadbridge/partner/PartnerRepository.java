package io.leadbridge.partner;

import io.leadbridge.config.LeadClock;
import io.leadbridge.database.TransactionMemo;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, their capabilities and their reps. */
@Repository
public class PartnerRepository {

    enum CapabilityKind { COUNTRY, REGION, INDUSTRY, SEGMENT, COMPETENCY, CERTIFICATION, PRODUCT }

    private final JdbcClient jdbc;
    private final LeadClock clock;
    /** The reps of each partner, as this transaction read them. */
    private final TransactionMemo<String, List<PartnerRep>> repsRead = new TransactionMemo<>();

    PartnerRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from partner where id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    void insert(Partner partner) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                insert into partner (id, name, tier, status, capacity, manager_email, created_at, updated_at)
                values (:id, :name, :tier, :status, :capacity, :managerEmail, :now, :now)""")
                .param("id", partner.id()).param("name", partner.name()).param("tier", partner.tier().name())
                .param("status", partner.status().name()).param("capacity", partner.capacity())
                .param("managerEmail", partner.managerEmail()).param("now", now)
                .update();
        insertCapabilities(partner);
        directoryChanged();
    }

    void update(Partner partner) {
        jdbc.sql("""
                update partner set name = :name, tier = :tier, status = :status, capacity = :capacity,
                       manager_email = :managerEmail, updated_at = :now where id = :id""")
                .param("id", partner.id()).param("name", partner.name()).param("tier", partner.tier().name())
                .param("status", partner.status().name()).param("capacity", partner.capacity())
                .param("managerEmail", partner.managerEmail()).param("now", Timestamp.from(clock.now()))
                .update();
        jdbc.sql("delete from partner_capability where partner_id = :id").param("id", partner.id()).update();
        insertCapabilities(partner);
        directoryChanged();
    }

    /**
     * Moves the directory's revision on, in the caller's transaction: every write to partners or
     * their capabilities calls it, and so must code that changes them by SQL (data loads).
     */
    public void directoryChanged() {
        jdbc.sql("update partner_directory_revision set revision = revision + 1").update();
    }

    private void insertCapabilities(Partner partner) {
        Map<CapabilityKind, Set<String>> byKind = new LinkedHashMap<>();
        byKind.put(CapabilityKind.COUNTRY, partner.countries());
        byKind.put(CapabilityKind.REGION, partner.regions());
        byKind.put(CapabilityKind.INDUSTRY, partner.industries());
        byKind.put(CapabilityKind.SEGMENT, partner.segments());
        byKind.put(CapabilityKind.COMPETENCY, partner.competencies());
        byKind.put(CapabilityKind.CERTIFICATION, partner.certifications());
        byKind.put(CapabilityKind.PRODUCT, partner.products());
        byKind.forEach((kind, values) -> values.forEach(value -> jdbc.sql(
                "insert into partner_capability (partner_id, kind, capability) values (:id, :kind, :value)")
                .param("id", partner.id()).param("kind", kind.name()).param("value", value).update()));
    }

    public Optional<Partner> findById(String id) {
        List<Partner> found = load("where p.id = :id", Map.of("id", id));
        return found.stream().findFirst();
    }

    public List<Partner> findAll() {
        return load("", Map.of());
    }

    /** Changes whenever a partner is added, changed, activated or deactivated (see {@link #directoryChanged}). */
    public String stamp() {
        return jdbc.sql("select revision from partner_directory_revision").query(String.class).single();
    }

    public List<Partner> findActive() {
        return load("where p.status = 'ACTIVE'", Map.of());
    }

    private List<Partner> load(String where, Map<String, ?> params) {
        Map<String, Map<CapabilityKind, Set<String>>> capabilities = new HashMap<>();
        jdbc.sql("select c.partner_id, c.kind, c.capability from partner_capability c join partner p on p.id = c.partner_id "
                        + where)
                .params(params)
                .query(rs -> {
                    capabilities.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(CapabilityKind.valueOf(rs.getString(2)), k -> new TreeSet<>())
                            .add(rs.getString(3));
                });
        List<Partner> partners = new ArrayList<>();
        jdbc.sql("select * from partner p " + where + " order by p.id").params(params).query(rs -> {
            var caps = capabilities.getOrDefault(rs.getString("id"), Map.of());
            partners.add(new Partner(rs.getString("id"), rs.getString("name"),
                    PartnerTier.valueOf(rs.getString("tier")), PartnerStatus.valueOf(rs.getString("status")),
                    rs.getInt("capacity"), rs.getString("manager_email"),
                    caps.getOrDefault(CapabilityKind.COUNTRY, Set.of()),
                    caps.getOrDefault(CapabilityKind.REGION, Set.of()),
                    caps.getOrDefault(CapabilityKind.INDUSTRY, Set.of()),
                    caps.getOrDefault(CapabilityKind.SEGMENT, Set.of()),
                    caps.getOrDefault(CapabilityKind.COMPETENCY, Set.of()),
                    caps.getOrDefault(CapabilityKind.CERTIFICATION, Set.of()),
                    caps.getOrDefault(CapabilityKind.PRODUCT, Set.of()),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
        });
        return partners;
    }

    void insertRep(PartnerRep rep) {
        repsRead.currentOrNone().clear();
        jdbc.sql("""
                insert into partner_rep (username, partner_id, first_name, last_name, email, role, created_at)
                values (:username, :partnerId, :firstName, :lastName, :email, :role, :now)""")
                .param("username", rep.username()).param("partnerId", rep.partnerId()).param("role", rep.role().name())
                .param("firstName", rep.firstName()).param("lastName", rep.lastName())
                .param("email", rep.email()).param("now", Timestamp.from(clock.now()))
                .update();
    }

    void changeRole(String username, PartnerRole role) {
        repsRead.currentOrNone().clear();
        jdbc.sql("update partner_rep set role = :role where username = :username")
                .param("role", role.name()).param("username", username).update();
    }

    /** The partner's lead managers, by username. */
    public List<PartnerRep> findLeadManagers(String partnerId) {
        return findReps(partnerId).stream().filter(PartnerRep::isLeadManager).toList();
    }

    public Optional<PartnerRep> findRep(String username) {
        return jdbc.sql("select * from partner_rep where username = :username").param("username", username)
                .query(PartnerRepository::mapRep)
                .optional();
    }

    /**
     * The partner's reps, read once per transaction: a withdrawal and the next offer ask for them
     * for every mail, webhook and rep choice (7 reads a re-offered lead). Adding a rep or changing a
     * role through this repository forgets them.
     */
    public List<PartnerRep> findReps(String partnerId) {
        return repsRead.currentOrNone().computeIfAbsent(partnerId, id -> List.copyOf(jdbc
                .sql("select * from partner_rep where partner_id = :partnerId order by username")
                .param("partnerId", id)
                .query(PartnerRepository::mapRep)
                .list()));
    }

    private static PartnerRep mapRep(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PartnerRep(rs.getString("username"), rs.getString("partner_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), PartnerRole.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * What counts against each partner's capacity: its open offers (in an open competition each
     * competitor has one) plus the leads it accepted and is still working.
     */
    public Map<String, Integer> openLeadCounts(Collection<String> partnerIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select partner_id, count(*) from (
                    select partner_id from lead_offer where outcome is null and partner_id in (:ids)
                    union all
                    select partner_id from lead where status in ('ACCEPTED', 'CONTACTED', 'OPPORTUNITY') and partner_id in (:ids)
                ) held group by partner_id""")
                .param("ids", partnerIds)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }
}
