package io.supportlab.accounts;

import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in staff member's own account: changing their password. */
@Controller
@RequestMapping("/account/password")
class AccountWebController {

    private final OwnPasswordService passwords;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountWebController(OwnPasswordService passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("errors", FormErrors.NONE);
        return "accounts/password";
    }

    @PostMapping
    String change(
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String replacement,
            @RequestParam(defaultValue = "") String confirmation,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!replacement.equals(confirmation)) {
            model.addAttribute("errors", FormErrors.of("confirmation", "does not match the new password"));
            return "accounts/password";
        }
        long stamp;
        try {
            stamp = passwords.change(caller.getName(), current, replacement, new WebAuthenticationDetails(request));
        } catch (InvalidRequestException e) {
            model.addAttribute("errors", FormErrors.of(e.errors()));
            return "accounts/password";
        } catch (ErrorResponseException e) {
            model.addAttribute(
                    "errors",
                    FormErrors.of(
                            "current_password",
                            Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200)));
            return "accounts/password";
        }
        keepThisSession(caller, stamp, request, response);
        Flashes.success(redirect, "Your password is changed. Every other session of yours has ended.");
        return "redirect:/account/password";
    }

    /**
     * The change ended every session of the account; this one takes on the new stamp (under a new
     * session id, as after a login) so that only it stays signed in.
     */
    private void keepThisSession(
            Authentication caller, long stamp, HttpServletRequest request, HttpServletResponse response) {
        if (!(caller.getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        var renewed = UsernamePasswordAuthenticationToken.authenticated(
                principal.withSecurityStamp(stamp), null, caller.getAuthorities());
        renewed.setDetails(caller.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(renewed);
        holder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
    }
}
