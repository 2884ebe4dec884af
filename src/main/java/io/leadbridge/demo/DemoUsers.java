package io.leadbridge.demo;

import io.leadbridge.security.VendorGroups;
import java.util.List;

/** The vendor's own demo logins. Partner reps are in {@link DemoPartners}. */
final class DemoUsers {

    /**
     * The password of every demo login, vendor users and partner reps alike, and of {@code admin} in
     * the demo profile ({@code camunda.bpm.admin-user.password}). Demo data only: it is printed in the
     * log and must never reach a real installation. It keeps Camunda's password policy, which holds for
     * demo users too.
     */
    static final String PASSWORD = "Demo-Pass-2026";

    /** The marketing system's user: submits the demo leads and is named on their timelines. */
    static final String MARKETING = "marketing";
    /** The channel manager who withdraws a lead in the demo. */
    static final String CHANNEL_MANAGER = "carol";
    /** Works the leads that qualification sends to the vendor's inside sales. */
    static final String INSIDE_SALES = "ivan";

    /** Changes the decision tables in Camunda Modeler, replays them and deploys them. */
    static final String BUSINESS_ANALYST = "anna";

    /** A vendor login; {@code group} is null for a user that is in no group (it may still submit leads). */
    record VendorUser(String username, String firstName, String lastName, String group) {

        String email() {
            return username + "@leadbridge.example";
        }

        String[] groups() {
            return group == null ? new String[0] : new String[] {group};
        }
    }

    static final List<VendorUser> VENDOR_USERS = List.of(
            new VendorUser(CHANNEL_MANAGER, "Carol", "Channel", VendorGroups.CHANNEL_MANAGERS),
            new VendorUser(INSIDE_SALES, "Ivan", "Inside", VendorGroups.INSIDE_SALES),
            new VendorUser(BUSINESS_ANALYST, "Anna", "Analyst", VendorGroups.BUSINESS_ANALYSTS),
            new VendorUser(MARKETING, "Marketing", "Automation", null));

    private DemoUsers() {
    }
}
