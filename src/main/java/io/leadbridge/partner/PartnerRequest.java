package io.leadbridge.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A partner as created or replaced through the API. {@code countries} are covered whole;
 * {@code regions} (ISO 3166-2, e.g. US-CA) are where a partner covers only part of a country.
 */
public record PartnerRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or dashes")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerTier tier,
        PartnerStatus status,
        @NotNull @Min(1) @Max(100000) Integer capacity,
        @Email @Size(max = 320) String managerEmail,
        @NotEmpty Set<@NotBlank @io.leadbridge.web.IsoCountry String> countries,
        Set<@NotBlank @Size(max = 100) String> industries,
        Set<@Pattern(regexp = "SMB|MID_MARKET|ENTERPRISE", message = "must be SMB, MID_MARKET or ENTERPRISE") String> segments,
        Set<@NotBlank @Size(max = 100) String> competencies,
        Set<@NotBlank @Size(max = 100) String> certifications,
        Set<@NotBlank @Size(max = 100) String> products,
        Set<@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 region code such as US-CA") String> regions) {

    public PartnerRequest(String id, String name, PartnerTier tier, PartnerStatus status, Integer capacity,
            String managerEmail, Set<String> countries, Set<String> industries, Set<String> segments,
            Set<String> competencies, Set<String> certifications, Set<String> products) {
        this(id, name, tier, status, capacity, managerEmail, countries, industries, segments, competencies,
                certifications, products, null);
    }
}
