package io.supportlab.accounts;

import io.supportlab.testing.IntegrationTest;

/** Passwords the password policy accepts, and staff accounts made with them, for the accounts tests. */
final class StaffFixtures {

    static final String PASSWORD = "quiet-harbor-kestrel-41";
    static final String NEW_PASSWORD = "amber-lantern-orchard-73";

    private StaffFixtures() {}

    /** A staff member with {@link #PASSWORD}, created by the test admin. */
    static StaffUser staff(UserService users, String email, Role role) {
        return users.create(new NewStaffUser(email, "Staff " + email, PASSWORD, role), IntegrationTest.ADMIN_EMAIL);
    }
}
