package io.leadbridge.contactcheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One customer contact check as stored (a row of {@code contact_check}): whether the prospect
 * behind a lead was contacted by the partner that accepted it. {@code answer} is set once the
 * customer answered; {@code skipReason} only for a SKIPPED check.
 */
@Table("contact_check")
public record ContactCheck(@Id String id, long leadId, String partnerId, long contactId, ContactCheckStatus status,
        SkipReason skipReason, CustomerAnswer answer, @CreatedDate Instant createdAt, Instant dueAt, Instant sentAt,
        Instant expiresAt, Instant answeredAt, Instant closedAt) implements Persistable<String> {

    /** A new check of the partner that accepted the lead, waiting for {@code dueAt}; its id names its process. */
    static ContactCheck scheduled(long leadId, String partnerId, long contactId, Instant dueAt) {
        return new ContactCheck(UUID.randomUUID().toString(), leadId, partnerId, contactId,
                ContactCheckStatus.SCHEDULED, null, null, null, dueAt, null, null, null, null);
    }

    @Override
    public String getId() {
        return id;
    }

    /** The id is made here: a check not stored yet is one without a creation time. */
    @Override
    @JsonIgnore
    public boolean isNew() {
        return createdAt == null;
    }
}
