package io.leadbridge.partner;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new rep or lead manager of a partner: becomes a Camunda user in the partner's group (a lead
 * manager also in {@code partner-<id>-managers}). The name comes either as {@code firstName} and
 * {@code lastName} or as one {@code name} ("Nina North").
 */
public record RepRequest(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{2,64}", message = "must be 2-64 letters, digits, dots, dashes or underscores")
        String username,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 201) String name,
        @NotBlank @Email @Size(max = CAMUNDA_EMAIL) String email,
        // Camunda's password policy (PasswordRules) adds its rules: upper and lower case, a digit, a special character.
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        /** REP unless told; a LEAD_MANAGER also joins the partner's managers group. */
        PartnerRole role) {

    public RepRequest(String username, String firstName, String lastName, String email, String password) {
        this(username, firstName, lastName, null, email, password, null);
    }

    public RepRequest(String username, String firstName, String lastName, String name, String email,
            String password) {
        this(username, firstName, lastName, name, email, password, null);
    }

    /** The role asked for, REP when none was given. */
    PartnerRole givenRole() {
        return role == null ? PartnerRole.REP : role;
    }

    /** The e-mail address is also the Camunda user's (ACT_ID_USER.EMAIL_ is 255 characters). */
    static final int CAMUNDA_EMAIL = 255;
    /** partner_rep.first_name and last_name. */
    static final int MAX_NAME_PART = 100;

    /** A one-field {@code name} fits the first and last name columns once it is split. */
    @AssertTrue(message = "must have at most 100 characters before its last space and 100 after it")
    boolean isName() {
        return isBlank(name) || (!isBlank(firstName) && !isBlank(lastName))
                || (givenFirstName().length() <= MAX_NAME_PART && givenLastName().length() <= MAX_NAME_PART);
    }

    @AssertTrue(message = "give firstName and lastName, or name")
    boolean isNamed() {
        return (!isBlank(firstName) && !isBlank(lastName)) || !isBlank(name);
    }

    /** First name: as given, or the part of {@code name} before its last space. */
    String givenFirstName() {
        if (!isBlank(firstName)) {
            return firstName.trim();
        }
        String full = name.trim();
        int space = full.lastIndexOf(' ');
        return space < 0 ? full : full.substring(0, space).trim();
    }

    /** Last name: as given, or the last word of {@code name} (empty for a one-word name). */
    String givenLastName() {
        if (!isBlank(lastName)) {
            return lastName.trim();
        }
        String full = name.trim();
        int space = full.lastIndexOf(' ');
        return space < 0 ? "" : full.substring(space + 1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
