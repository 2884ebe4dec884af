package io.leadbridge.supportrequest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A rep's request for support on a lead, as stored (a row of {@code support_request}) and as the
 * API shows it. {@code answer} holds the terms of an approval or the reason of a rejection; the API
 * shows it as {@code terms} or {@code reason}.
 */
@Table("support_request")
public record SupportRequest(@Id String id, long leadId, String partnerId, @Column("rep_username") String rep,
        SupportKind kind, BigDecimal discountPercent, String justification, SupportStatus status,
        @JsonIgnore String answer, @CreatedDate Instant requestedAt, Instant answeredAt, String answeredBy)
        implements Persistable<String> {

    /** A new, open request of the rep of the partner holding the lead; its id names its review process. */
    static SupportRequest open(long leadId, String partnerId, String rep, NewSupportRequest request) {
        return new SupportRequest(UUID.randomUUID().toString(), leadId, partnerId, rep, request.kind(),
                request.discountPercent(), request.justification().trim(), SupportStatus.OPEN, null, null, null, null);
    }

    @JsonProperty
    public String terms() {
        return status == SupportStatus.APPROVED ? answer : null;
    }

    @JsonProperty
    public String reason() {
        return status == SupportStatus.REJECTED ? answer : null;
    }

    @Override
    public String getId() {
        return id;
    }

    /** The id is made here: a request not stored yet is one without its time of asking. */
    @Override
    @JsonIgnore
    public boolean isNew() {
        return requestedAt == null;
    }
}
