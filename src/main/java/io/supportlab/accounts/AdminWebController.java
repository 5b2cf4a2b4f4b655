package io.supportlab.accounts;

import io.supportlab.platform.Flashes;
import io.supportlab.platform.FormErrors;
import io.supportlab.platform.Problems;
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

/** The admin page: create staff accounts, switch them on and off. */
@Controller
@RequestMapping("/admin/users")
class AdminWebController {

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
            return "redirect:/admin/users";
        } catch (ErrorResponseException e) {
            return render(
                    model,
                    user,
                    FormErrors.of("email", String.valueOf(e.getBody().getDetail())));
        }
    }

    @PostMapping("/{id}/active")
    String setActive(
            @PathVariable String id, @RequestParam boolean active, Authentication caller, RedirectAttributes redirect) {
        try {
            StaffUser user = users.setActive(id, active, caller.getName());
            Flashes.success(redirect, (active ? "Activated " : "Deactivated ") + user.email());
        } catch (ErrorResponseException e) {
            Flashes.error(
                    redirect, Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200));
        }
        return "redirect:/admin/users";
    }

    private String render(Model model, NewStaffUser values, FormErrors errors) {
        model.addAttribute("users", users.list());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "accounts/users";
    }
}
