package io.leadbridge.partner;

import io.leadbridge.web.IsoCountry;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * A rep's profile as a lead manager or a channel manager writes it (the whole profile each time).
 * Missing sets are empty: the rep covers everything of that kind.
 */
public record RepProfileRequest(
        @NotNull @Min(0) @Max(10_000) Integer capacity,
        @Size(max = 250) Set<@NotBlank @IsoCountry String> countries,
        @Size(max = 500) Set<@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}",
                message = "must be an ISO 3166-2 region code such as US-CA") String> regions,
        @Size(max = 200) Set<@NotBlank @Size(max = 100) String> products,
        @Size(max = 200) Set<@NotBlank @Size(max = 100) String> industries,
        @Size(max = 50) Set<@Pattern(regexp = "[a-z]{2}",
                message = "must be an ISO 639-1 language code such as de") String> languages,
        Instant awayFrom,
        Instant awayUntil,
        @Pattern(regexp = "[a-zA-Z0-9._-]{2,64}", message = "must be the username of a rep of the same partner")
        String standIn) {

    @AssertTrue(message = "give awayFrom and awayUntil together, awayUntil after awayFrom")
    boolean isAway() {
        return (awayFrom == null && awayUntil == null)
                || (awayFrom != null && awayUntil != null && awayUntil.isAfter(awayFrom));
    }
}
