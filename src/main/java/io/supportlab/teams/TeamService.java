package io.supportlab.teams;

import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.web.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams: managing them (admins), and what tickets ask of them: which team a new ticket joins and who
 * of it gets a ticket that arrives unassigned. The choice is {@link Assignment}'s; this service
 * reads the team, its members and who is away, asks it, and moves the team's turn.
 */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final AvailabilityRepository availability;
    private final StaffDirectory staff;
    private final TeamTickets tickets;
    private final AuditLog audit;
    private final Clock clock;

    TeamService(
            TeamRepository teams,
            AvailabilityRepository availability,
            StaffDirectory staff,
            TeamTickets tickets,
            AuditLog audit,
            Clock clock) {
        this.teams = teams;
        this.availability = availability;
        this.staff = staff;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every team, by name, with its members. */
    public List<Team> list() {
        Map<String, List<String>> members = teams.members();
        Map<String, StaffUser> active = activeById();
        Set<String> away = availability.away();
        return teams.list().stream()
                .map(row -> view(row, members.getOrDefault(row.id(), List.of()), active, away))
                .toList();
    }

    /** A team by id or name (any case). */
    public Team get(String idOrName) {
        TeamRepository.Row row = find(idOrName).orElseThrow(() -> new ResourceNotFoundException("team", idOrName));
        return view(row);
    }

    /** Every team by name, without members: what a ticket's team picker and the list filter show. */
    public List<TeamRef> refs() {
        return teams.list().stream().map(TeamService::ref).toList();
    }

    /** Team ids to names, for showing what tickets hold. */
    public Map<String, String> names() {
        return teams.list().stream()
                .collect(Collectors.toMap(
                        TeamRepository.Row::id, TeamRepository.Row::name, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * The id of the team {@code idOrName} names, for filtering tickets by it.
     *
     * @throws InvalidRequestException on {@code team} when no team has that id or name
     */
    public String idOf(String idOrName) {
        return find(idOrName).map(TeamRepository.Row::id).orElseThrow(() -> unknownTeam(idOrName));
    }

    /**
     * The team a ticket is about to be written into: the one named, or the default when none is.
     * Call it in the transaction that writes the ticket: the team cannot be deleted before that
     * commits.
     *
     * @throws InvalidRequestException on {@code team} when no team has that id or name
     */
    @Transactional
    public TeamRef teamForTicket(@Nullable String idOrName) {
        TeamRepository.Row row;
        if (idOrName == null || idOrName.isBlank()) {
            row = teams.findDefaultForTicket().orElseThrow(() -> new IllegalStateException("There is no default team"));
        } else {
            String id = find(idOrName).map(TeamRepository.Row::id).orElseThrow(() -> unknownTeam(idOrName));
            row = teams.findForTicket(id).orElseThrow(() -> unknownTeam(idOrName));
        }
        return ref(row);
    }

    /**
     * Picks, by the team's mode, who gets a ticket that arrives in the team unassigned, and moves
     * the team's turn on. Call it in the transaction that writes the ticket: on PostgreSQL it locks
     * the team's row until then, so concurrent tickets take their turns one after another. Empty
     * when the team assigns manually or no member is available; the ticket then stays unassigned
     * and appears under "Unassigned" for someone to take.
     */
    @Transactional
    public Optional<AutoAssignment> assignNext(TeamRef team) {
        if (!team.assignment().automatic()) {
            return Optional.empty(); // no lock: manual teams take tickets side by side
        }
        TeamRepository.Row row = teams.findForAssignment(team.id()).orElseThrow(() -> unknownTeam(team.id()));
        Map<String, StaffUser> active = activeById();
        Set<String> away = availability.away();
        List<Assignment.Candidate> members = teams.members(row.id()).stream()
                .map(active::get)
                .filter(Objects::nonNull)
                .map(user -> new Assignment.Candidate(user.id(), user.email(), !away.contains(user.id())))
                .toList();
        Map<String, Long> open = row.assignment() == AssignmentMode.FEWEST_OPEN
                ? tickets.openTicketsOf(members.stream()
                        .filter(Assignment.Candidate::available)
                        .map(Assignment.Candidate::email)
                        .toList())
                : Map.of();
        Optional<Assignment.Candidate> chosen =
                Assignment.choose(row.assignment(), members, row.lastAssignedUserId(), open);
        chosen.ifPresent(c -> teams.setLastAssigned(row.id(), c.userId()));
        return chosen.map(c -> new AutoAssignment(c.email(), row.assignment(), row.name()));
    }

    @Transactional
    public Team create(TeamInput input, String actor) {
        String name = requireName(input.name());
        if (teams.findByName(name).isPresent()) {
            throw new ConflictException("A team named " + name + " already exists");
        }
        Instant now = Instant.now(clock);
        AssignmentMode mode = input.assignment() == null ? AssignmentMode.MANUAL : input.assignment();
        TeamRepository.Row row = new TeamRepository.Row(
                Ids.newId(), name, description(input.description()), mode, false, null, now, now);
        List<StaffUser> members = input.members() == null ? List.of() : members(input.members());
        teams.insert(row);
        teams.replaceMembers(row.id(), members.stream().map(StaffUser::id).toList(), now);
        if (Boolean.TRUE.equals(input.isDefault())) {
            teams.makeDefault(row.id(), now);
        }
        audit.record(
                actor,
                "team.created",
                name,
                "assignment " + mode.value() + ", members " + emails(members)
                        + (Boolean.TRUE.equals(input.isDefault()) ? ", now the default team" : ""));
        return get(row.id());
    }

    @Transactional
    public Team update(String id, TeamInput input, String actor) {
        TeamRepository.Row current =
                teams.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("team", id));
        List<String> changes = new ArrayList<>();
        String name = current.name();
        if (input.name() != null) {
            name = requireName(input.name());
            String wanted = name;
            if (teams.findByName(name).filter(other -> !other.id().equals(id)).isPresent()) {
                throw new ConflictException("A team named " + wanted + " already exists");
            }
            if (!name.equals(current.name())) {
                changes.add("name " + current.name() + " → " + name);
            }
        }
        String description = input.description() == null ? current.description() : description(input.description());
        if (!Objects.equals(description, current.description())) {
            changes.add("description changed");
        }
        AssignmentMode mode = input.assignment() == null ? current.assignment() : input.assignment();
        if (mode != current.assignment()) {
            changes.add("assignment " + current.assignment().value() + " → " + mode.value());
        }
        if (Boolean.FALSE.equals(input.isDefault()) && current.isDefault()) {
            throw new ConflictException(
                    "There is always a default team: make another team the default instead",
                    Map.of("default_team", current.id()));
        }
        Instant now = Instant.now(clock);
        if (input.members() != null) {
            List<StaffUser> members = members(input.members());
            List<String> ids = members.stream().map(StaffUser::id).toList();
            if (!new LinkedHashSet<>(ids).equals(new LinkedHashSet<>(teams.members(id)))) {
                changes.add("members " + emails(members));
            }
            teams.replaceMembers(id, ids, now);
        }
        teams.update(new TeamRepository.Row(
                id,
                name,
                description,
                mode,
                current.isDefault(),
                current.lastAssignedUserId(),
                current.createdAt(),
                now));
        if (Boolean.TRUE.equals(input.isDefault()) && !current.isDefault()) {
            teams.makeDefault(id, now);
            changes.add("now the default team");
        }
        if (!changes.isEmpty()) {
            audit.record(actor, "team.updated", name, String.join("; ", changes));
        }
        return get(id);
    }

    /**
     * Deletes a team. Its tickets move to the default team (their history says so) rather than
     * blocking the deletion: closed tickets cannot be moved one by one, and refusing would make a
     * team that ever had tickets undeletable.
     *
     * @return how many tickets moved to the default team
     */
    @Transactional
    public int delete(String id, String actor) {
        TeamRepository.Row team = teams.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("team", id));
        if (team.isDefault()) {
            throw new ConflictException(
                    "The default team cannot be deleted: make another team the default first",
                    Map.of("default_team", team.id()));
        }
        TeamRepository.Row fallback =
                teams.findDefaultForTicket().orElseThrow(() -> new IllegalStateException("There is no default team"));
        int moved = tickets.moveAll(team.id(), team.name(), fallback.id(), actor);
        teams.delete(team.id());
        audit.record(actor, "team.deleted", team.name(), moved + " tickets moved to " + fallback.name());
        return moved;
    }

    private Optional<TeamRepository.Row> find(String idOrName) {
        String key = idOrName.strip();
        if (Ids.isValid(key)) {
            Optional<TeamRepository.Row> byId = teams.find(key.toLowerCase(java.util.Locale.ROOT));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return key.isEmpty() ? Optional.empty() : teams.findByName(key);
    }

    private Team view(TeamRepository.Row row) {
        return view(row, teams.members(row.id()), activeById(), availability.away());
    }

    private static Team view(
            TeamRepository.Row row, List<String> memberIds, Map<String, StaffUser> active, Set<String> away) {
        List<Team.Member> members = memberIds.stream()
                .map(active::get)
                .filter(Objects::nonNull)
                .map(u -> new Team.Member(u.id(), u.email(), u.displayName(), !away.contains(u.id())))
                .sorted(Comparator.comparing(Team.Member::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Team.Member::email))
                .toList();
        return new Team(
                row.id(),
                row.name(),
                row.description(),
                row.assignment(),
                row.isDefault(),
                members,
                row.createdAt(),
                row.updatedAt());
    }

    private static TeamRef ref(TeamRepository.Row row) {
        return new TeamRef(row.id(), row.name(), row.assignment());
    }

    private Map<String, StaffUser> activeById() {
        return staff.activeStaff().stream().collect(Collectors.toMap(StaffUser::id, Function.identity(), (a, b) -> a));
    }

    /** The active staff the emails name, in the order given, each once. */
    private List<StaffUser> members(List<String> emails) {
        Map<String, StaffUser> byEmail = staff.activeStaff().stream()
                .collect(Collectors.toMap(StaffUser::email, Function.identity(), (a, b) -> a));
        Map<String, StaffUser> chosen = new LinkedHashMap<>();
        for (String given : emails) {
            StaffUser user = given == null || given.isBlank()
                    ? null
                    : byEmail.get(EmailAddress.of(given).value());
            if (user == null) {
                throw new InvalidRequestException("members", "no active staff member has the email " + given);
            }
            chosen.putIfAbsent(user.id(), user);
        }
        return List.copyOf(chosen.values());
    }

    private static String requireName(@Nullable String given) {
        String name = given == null ? "" : Text.clean(given);
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", "must not be blank");
        }
        if (name.length() > Team.MAX_NAME) {
            throw new InvalidRequestException("name", "must be at most " + Team.MAX_NAME + " characters");
        }
        return name;
    }

    private static @Nullable String description(@Nullable String given) {
        String description = given == null ? null : Text.cleanOrNull(given);
        if (description != null && description.length() > Team.MAX_DESCRIPTION) {
            throw new InvalidRequestException("description", "must be at most " + Team.MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static String emails(List<StaffUser> members) {
        return members.isEmpty()
                ? "none"
                : members.stream().map(StaffUser::email).collect(Collectors.joining(", "));
    }

    private static InvalidRequestException unknownTeam(String idOrName) {
        return new InvalidRequestException("team", "no team has the id or name " + idOrName);
    }
}
