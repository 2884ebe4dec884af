package io.leadbridge.intake;

import io.leadbridge.web.IsoCountry;
import io.leadbridge.web.IsoLanguage;
import io.leadbridge.web.LowerCaseSize;
import io.leadbridge.web.MultiLineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A lead as marketing systems send it to {@code POST /api/leads}. {@code language} (optional) is the
 * ISO 639-1 code of the language the prospect wants to be served in; any letter case, stored in lower case.
 */
public record LeadSubmission(
        @NotBlank @Size(max = 120) String externalId,
        @NotBlank @Size(max = 60) String source,
        @Size(max = 120) String campaign,
        @NotBlank @Size(max = 120) String product,
        @NotNull @Min(0) @Max(100) Integer score,
        @NotNull @Valid Contact contact,
        @NotNull @Valid Account account,
        @Size(max = 4000) @MultiLineText String notes,
        @IsoLanguage String language) {

    /** A lead that names no language. */
    public LeadSubmission(String externalId, String source, String campaign, String product, Integer score,
            Contact contact, Account account, String notes) {
        this(externalId, source, campaign, product, score, contact, account, notes, null);
    }

    /** The person who asked to be contacted. */
    public record Contact(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @LowerCaseSize(max = 320) String email,
            @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number such as +49 30 1234567")
            @Size(max = 40) String phone,
            @Size(max = 120) String title) {
    }

    /** The company the person works for. */
    public record Account(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 253)
            @Pattern(regexp = "(?i)(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                    message = "must be an internet domain such as example.com")
            String domain,
            @Size(max = 100) String industry,
            @NotBlank @IsoCountry String country,
            @Min(1) @Max(10_000_000) Integer employees,
            @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal annualRevenue,
            @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 region code such as US-CA")
            String region) {

        public Account(String name, String domain, String industry, String country, Integer employees,
                BigDecimal annualRevenue) {
            this(name, domain, industry, country, employees, annualRevenue, null);
        }

        @jakarta.validation.constraints.AssertTrue(message = "region must lie in the account's country")
        boolean isRegionInCountry() {
            return region == null || country == null || region.startsWith(country + "-");
        }
    }
}
