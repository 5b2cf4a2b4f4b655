package io.supportlab.teams;

import io.supportlab.accounts.StaffDirectory;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin pages for teams: create them, change name, description, mode and members, set the default, delete. */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminWebController {

    private static final String LIST = "redirect:/admin/teams";

    private final TeamService teams;
    private final StaffDirectory staff;

    TeamAdminWebController(TeamService teams, StaffDirectory staff) {
        this.teams = teams;
        this.staff = staff;
    }

    @GetMapping
    String page(Model model) {
        return render(model, TeamForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute TeamForm form, Authentication caller, Model model, RedirectAttributes redirect) {
        try {
            Team created = teams.create(form.input(), caller.getName());
            Flashes.success(redirect, "Created team " + created.name());
            return "redirect:/admin/teams/" + created.id();
        } catch (InvalidRequestException e) {
            return render(model, form, FormErrors.of(e.errors()));
        } catch (ErrorResponseException e) {
            return render(model, form, FormErrors.of("name", detail(e)));
        }
    }

    @GetMapping("/{id}")
    String team(@PathVariable String id, Model model) {
        Team team = teams.get(id);
        return renderTeam(model, team, TeamForm.of(team), FormErrors.NONE);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String id,
            @ModelAttribute TeamForm form,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Team team = teams.get(id);
        try {
            Team saved = teams.update(team.id(), form.input(), caller.getName());
            Flashes.success(redirect, "Saved team " + saved.name());
            return "redirect:/admin/teams/" + saved.id();
        } catch (InvalidRequestException e) {
            return renderTeam(model, team, form, FormErrors.of(e.errors()));
        } catch (ErrorResponseException e) {
            return renderTeam(model, team, form, FormErrors.of("name", detail(e)));
        }
    }

    @PostMapping("/{id}/default")
    String makeDefault(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        Team team = teams.update(id, new TeamInput(null, null, null, true, null), caller.getName());
        Flashes.success(redirect, team.name() + " is now the default team: tickets that name no team go there");
        return "redirect:/admin/teams/" + team.id();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        Team team = teams.get(id);
        try {
            int moved = teams.delete(team.id(), caller.getName());
            Flashes.success(
                    redirect,
                    "Deleted team " + team.name()
                            + (moved == 0 ? "" : "; its " + moved + " tickets moved to the default team"));
            return LIST;
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, detail(e));
            return "redirect:/admin/teams/" + team.id();
        }
    }

    private String render(Model model, TeamForm form, FormErrors errors) {
        model.addAttribute("teams", teams.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "teams/list";
    }

    private String renderTeam(Model model, Team team, TeamForm form, FormErrors errors) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("staff", staff.activeStaff());
        model.addAttribute("errors", errors);
        return "teams/team";
    }

    private static String detail(ErrorResponseException e) {
        return Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200);
    }
}
