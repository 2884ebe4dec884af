package io.leadbridge.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner CRM credentials and the hashes of their secrets. */
@Repository
class PartnerCredentialRepository {

    /** What authentication needs of a credential: its partner, its secret's hash, whether it is revoked. */
    record StoredSecret(String partnerId, String secretHash, boolean revoked) {
    }

    private final JdbcClient jdbc;

    PartnerCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PartnerCredential credential, String secretHash) {
        jdbc.sql("""
                insert into partner_credential (client_id, partner_id, label, secret_hash, created_at, created_by)
                values (:clientId, :partnerId, :label, :secretHash, :createdAt, :createdBy)""")
                .param("clientId", credential.clientId()).param("partnerId", credential.partnerId())
                .param("label", credential.label()).param("secretHash", secretHash)
                .param("createdAt", Timestamp.from(credential.createdAt())).param("createdBy", credential.createdBy())
                .update();
    }

    Optional<PartnerCredential> find(String clientId) {
        return jdbc.sql("select * from partner_credential where client_id = :clientId").param("clientId", clientId)
                .query(PartnerCredentialRepository::map).optional();
    }

    List<PartnerCredential> findByPartner(String partnerId) {
        return jdbc.sql("select * from partner_credential where partner_id = :partnerId order by created_at, client_id")
                .param("partnerId", partnerId)
                .query(PartnerCredentialRepository::map).list();
    }

    Optional<StoredSecret> findSecret(String clientId) {
        return jdbc.sql("select partner_id, secret_hash, revoked_at from partner_credential where client_id = :clientId")
                .param("clientId", clientId)
                .query((rs, i) -> new StoredSecret(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null))
                .optional();
    }

    /** Revokes an active credential; false if it was revoked already. */
    boolean revoke(String clientId, Instant at, String by) {
        return jdbc.sql("""
                update partner_credential set revoked_at = :at, revoked_by = :by
                where client_id = :clientId and revoked_at is null""")
                .param("clientId", clientId).param("at", Timestamp.from(at)).param("by", by)
                .update() > 0;
    }

    /**
     * Notes a use, at most once per {@code granularity}: a CRM calling many times a minute does
     * not turn every read into a write.
     */
    void touch(String clientId, Instant now, java.time.Duration granularity) {
        jdbc.sql("""
                update partner_credential set last_used_at = :now
                where client_id = :clientId
                  and (last_used_at is null or last_used_at < :threshold or last_used_at > :now)""")
                .param("clientId", clientId).param("now", Timestamp.from(now))
                .param("threshold", Timestamp.from(now.minus(granularity)))
                .update();
    }

    private static PartnerCredential map(ResultSet rs, int row) throws SQLException {
        return new PartnerCredential(rs.getString("client_id"), rs.getString("partner_id"), rs.getString("label"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
