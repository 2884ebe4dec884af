package io.leadbridge.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new rep of a partner: becomes a Camunda user in the partner's group. */
public record RepRequest(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{2,64}", message = "must be 2-64 letters, digits, dots, dashes or underscores")
        String username,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters") String password) {
}
