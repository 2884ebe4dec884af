package io.leadbridge.supportrequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rep's request for support on a lead, as stored and as the API shows it. {@code answer} holds
 * the terms of an approval or the reason of a rejection; the API shows it as {@code terms} or
 * {@code reason}.
 */
public record SupportRequest(String id, long leadId, String partnerId, String rep, SupportKind kind,
        BigDecimal discountPercent, String justification, SupportStatus status,
        @com.fasterxml.jackson.annotation.JsonIgnore String answer, Instant requestedAt, Instant answeredAt,
        String answeredBy) {

    @JsonProperty
    public String terms() {
        return status == SupportStatus.APPROVED ? answer : null;
    }

    @JsonProperty
    public String reason() {
        return status == SupportStatus.REJECTED ? answer : null;
    }
}
