package io.leadbridge.prospect;

/** A person at a prospect account, known by e-mail address. */
public record Contact(long id, long accountId, String firstName, String lastName, String email, String phone,
        String title) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
