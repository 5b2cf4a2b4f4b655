package io.supportlab.accounts;

import java.util.List;

/** Read access to staff accounts for other features (assignee pickers, audit names). */
public interface StaffDirectory {

    /** Active staff, ordered by display name. */
    List<StaffUser> activeStaff();
}
