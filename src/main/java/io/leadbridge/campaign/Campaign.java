package io.leadbridge.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A marketing campaign: {@code code} is what its leads carry in {@code campaign}, {@code cost} what
 * it cost in {@code currency}, and it ran from {@code startsOn} to {@code endsOn} (open while null).
 * A row of the {@code campaign} table; its times are written by Spring Data's auditing.
 */
@Table("campaign")
public record Campaign(@Id String code, String name, String channel, BigDecimal cost, String currency,
        LocalDate startsOn, LocalDate endsOn, @CreatedDate Instant createdAt, @LastModifiedDate Instant updatedAt)
        implements Persistable<String> {

    /** A campaign to register, as the request describes it. */
    static Campaign of(CampaignRequest request, String currency) {
        return new Campaign(request.code(), null, null, null, null, null, null, null, null)
                .changedTo(request, currency);
    }

    /** This campaign with the request's name, channel, cost, currency and dates. */
    Campaign changedTo(CampaignRequest request, String currency) {
        return new Campaign(code, request.name().trim(), request.channel().trim(), request.cost(), currency,
                request.startsOn(), request.endsOn(), createdAt, updatedAt);
    }

    @Override
    @JsonIgnore
    public String getId() {
        return code;
    }

    /** The code is the campaign's own: a campaign not stored yet is one without a creation time. */
    @Override
    @JsonIgnore
    public boolean isNew() {
        return createdAt == null;
    }
}
