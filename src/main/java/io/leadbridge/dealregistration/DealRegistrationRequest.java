package io.leadbridge.dealregistration;

import io.leadbridge.web.IsoCountry;
import io.leadbridge.web.LowerCaseSize;
import io.leadbridge.web.MultiLineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a partner rep or the partner's CRM posts to {@code /api/deals}. */
public record DealRegistrationRequest(
        @NotNull @Valid Account account,
        @NotNull @Valid Contact contact,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 120) String> products,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR")
        String currency,
        @NotNull LocalDate expectedCloseDate,
        @NotBlank @Size(max = 500) @MultiLineText String foundHow) {

    /** The customer company. */
    public record Account(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 253)
            @Pattern(regexp = "(?i)(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                    message = "must be an internet domain such as example.com")
            String domain,
            @Size(max = 100) String industry,
            @NotBlank @IsoCountry String country) {
    }

    /** The partner's contact person at the customer. */
    public record Contact(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @LowerCaseSize(max = 320) String email,
            @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number such as +49 30 1234567")
            @Size(max = 40) String phone,
            @Size(max = 120) String title) {
    }

    /** The products, trimmed, each once, in the order given. */
    List<String> distinctProducts() {
        return products.stream().map(String::trim).distinct().toList();
    }
}
