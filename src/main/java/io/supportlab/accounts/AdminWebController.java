package io.supportlab.accounts;

import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin pages for staff accounts: create them, switch them on and off, change roles, set passwords. */
@Controller
@RequestMapping("/admin/users")
class AdminWebController {

    private static final String LIST = "redirect:/admin/users";

    private final UserService users;

    AdminWebController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String page(Model model) {
        return render(model, new NewStaffUser("", "", "", Role.AGENT), FormErrors.NONE);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute NewStaffUser user,
            BindingResult binding,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, user, FormErrors.of(binding));
        }
        try {
            StaffUser created = users.create(user, caller.getName());
            Flashes.success(redirect, "Created " + created.role().value() + " " + created.email());
            return LIST;
        } catch (InvalidRequestException e) {
            return render(model, user, FormErrors.of(e.errors()));
        } catch (ErrorResponseException e) {
            return render(model, user, FormErrors.of("email", detail(e)));
        }
    }

    @GetMapping("/{id}")
    String user(@PathVariable String id, Authentication caller, Model model) {
        return renderUser(model, users.get(id), caller, FormErrors.NONE);
    }

    @PostMapping("/{id}/active")
    String setActive(
            @PathVariable String id, @RequestParam boolean active, Authentication caller, RedirectAttributes redirect) {
        try {
            StaffUser user = users.setActive(id, active, caller.getName());
            Flashes.success(
                    redirect,
                    active
                            ? "Activated " + user.email()
                            : "Deactivated " + user.email()
                                    + ": their sessions have ended and their API tokens stopped");
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, detail(e));
        }
        return LIST;
    }

    @PostMapping("/{id}/role")
    String changeRole(
            @PathVariable String id, @RequestParam Role role, Authentication caller, RedirectAttributes redirect) {
        try {
            StaffUser user = users.changeRole(id, role, caller.getName());
            Flashes.success(
                    redirect, user.email() + " is now an " + role.value() + ". They sign in again to continue.");
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, detail(e));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String password,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password, caller.getName());
        } catch (InvalidRequestException e) {
            return renderUser(model, users.get(id), caller, FormErrors.of(e.errors()));
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, detail(e));
            return "redirect:/admin/users/" + id;
        }
        Flashes.success(
                redirect,
                "Set a new password for " + users.get(id).email()
                        + ". They are signed out everywhere; give them the password through a safe channel.");
        return "redirect:/admin/users/" + id;
    }

    private String render(Model model, NewStaffUser values, FormErrors errors) {
        model.addAttribute("users", users.list());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "accounts/users";
    }

    private String renderUser(Model model, StaffUser user, Authentication caller, FormErrors errors) {
        model.addAttribute("user", user);
        model.addAttribute("self", user.email().equals(caller.getName()));
        model.addAttribute("errors", errors);
        return "accounts/user";
    }

    private static String detail(ErrorResponseException e) {
        return Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200);
    }
}
