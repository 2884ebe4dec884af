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

/** A partner as created or replaced through the API. */
public record PartnerRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or dashes")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerTier tier,
        PartnerStatus status,
        @NotNull @Min(1) @Max(100000) Integer capacity,
        @Email @Size(max = 320) String managerEmail,
        @NotEmpty Set<@NotBlank @io.leadbridge.web.IsoCountry String> countries,
        Set<@NotBlank String> industries,
        Set<@Pattern(regexp = "SMB|MID_MARKET|ENTERPRISE", message = "must be SMB, MID_MARKET or ENTERPRISE") String> segments,
        Set<@NotBlank String> competencies,
        Set<@NotBlank String> certifications,
        Set<@NotBlank String> products) {
}
