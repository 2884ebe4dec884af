package io.leadbridge.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Camunda users, groups, Tasklist filters and authorizations for Leadbridge's roles. Every
 * method is idempotent, so start-up and demo data may call it again without harm.
 *
 * <p>A partner group gets Tasklist and read access to the lead process definition, nothing
 * more: the tasks it sees are the ones offered to it (Camunda grants a candidate group access
 * to its own tasks and takes that access away when a task is withdrawn).
 */
@Component
@Transactional
public class AccessProvisioning {

    static final String LEAD_PROCESS = "leadLifecycle";
    static final String FILTER_PARTNER_OFFERS = "Offers for my partner";
    static final String FILTER_MY_LEADS = "My leads";
    static final String FILTER_TO_DISTRIBUTE = "Leads to distribute";
    static final String FILTER_TO_CHASE = "Status updates to chase";
    static final String FILTER_TO_REVIEW = "Partners to review";
    static final String STANDING_PROCESS = "partnerStanding";
    static final String FILTER_MY_OFFERS = "My offers";
    static final String FILTER_TEAM_OFFERS = "Team offers";
    static final String FILTER_UNASSIGNED = "Unassigned offers";
    static final String FILTER_TEAM_LEADS = "Team leads";
    static final String OFFER_TASK = "Task_AcceptLead";
    static final String FILTER_SUPPORT_REQUESTS = "Support requests to review";
    static final String SUPPORT_PROCESS = "supportRequest";
    static final String FILTER_DEAL_REGISTRATIONS = "Deal registrations to review";
    static final String DEAL_REGISTRATION_PROCESS = "dealRegistration";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    AccessProvisioning(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    /** The vendor groups, their grants and the shared Tasklist filters. */
    public void provisionVendorAccess(String adminUserId) {
        group(VendorGroups.CHANNEL_MANAGERS, "Channel managers", "WORKFLOW");
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (Resource resource : new Resource[] {Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.TASK, Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION}) {
            grant(VendorGroups.CHANNEL_MANAGERS, resource, "*", Permissions.ALL);
        }
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.USER, "*", Permissions.READ);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.GROUP, "*", Permissions.READ);

        group(VendorGroups.INSIDE_SALES, "Inside sales", "WORKFLOW");
        grant(VendorGroups.INSIDE_SALES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(VendorGroups.INSIDE_SALES, Resources.PROCESS_DEFINITION, LEAD_PROCESS, Permissions.READ);

        // Directors answer the support requests that channel managers left past their SLA.
        group(VendorGroups.CHANNEL_DIRECTORS, "Channel directors", "WORKFLOW");
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.TASK, "*", Permissions.ALL);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.PROCESS_DEFINITION, SUPPORT_PROCESS, Permissions.ALL);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.PROCESS_DEFINITION, DEAL_REGISTRATION_PROCESS,
                Permissions.ALL);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);

        // Analysts change the rules from Camunda Modeler and look at definitions and decision history in
        // Cockpit; no users, groups, authorizations, jobs, instances or tasks.
        group(VendorGroups.BUSINESS_ANALYSTS, "Business analysts", "WORKFLOW");
        grant(VendorGroups.BUSINESS_ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(VendorGroups.BUSINESS_ANALYSTS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
        grant(VendorGroups.BUSINESS_ANALYSTS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant(VendorGroups.BUSINESS_ANALYSTS, Resources.DECISION_DEFINITION, "*", Permissions.READ,
                Permissions.READ_HISTORY);
        grant(VendorGroups.BUSINESS_ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);

        if (adminUserId != null && identity.createUserQuery().userId(adminUserId).count() > 0) {
            membership(adminUserId, VendorGroups.CHANNEL_MANAGERS);
        }

        String partnerOffers = filter(FILTER_PARTNER_OFFERS, "Leads offered to your partner", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        String myLeads = filter(FILTER_MY_LEADS, "Leads you hold: accept, contact, report the outcome", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        String toDistribute = filter(FILTER_TO_DISTRIBUTE, "Leads no rule could place", 0,
                tasks.createTaskQuery().taskCandidateGroup(VendorGroups.CHANNEL_MANAGERS).includeAssignedTasks()
                        .processDefinitionKey(LEAD_PROCESS).taskDefinitionKey("Task_DistributeManually"));
        String toChase = filter(FILTER_TO_CHASE, "Reps who stopped reporting on their leads", 2,
                tasks.createTaskQuery().taskCandidateGroup(VendorGroups.CHANNEL_MANAGERS).includeAssignedTasks()
                        .processDefinitionKey(LEAD_PROCESS).taskDefinitionKey("Task_ChaseStatusUpdate"));
        String toReview = filter(FILTER_TO_REVIEW, "Suspended partners waiting for a decision", 5,
                tasks.createTaskQuery().taskCandidateGroup(VendorGroups.CHANNEL_MANAGERS).includeAssignedTasks()
                        .processDefinitionKey(STANDING_PROCESS));
        String supportRequests = filter(FILTER_SUPPORT_REQUESTS, "Special pricing and other support reps asked for", 3,
                tasks.createTaskQuery()
                        .taskCandidateGroupIn(List.of(VendorGroups.CHANNEL_MANAGERS, VendorGroups.CHANNEL_DIRECTORS))
                        .includeAssignedTasks().processDefinitionKey(SUPPORT_PROCESS));
        String myOffers = filter(FILTER_MY_OFFERS, "Offers assigned to you: accept or decline", -8,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").processDefinitionKey(LEAD_PROCESS)
                        .taskDefinitionKey(OFFER_TASK));
        grantEveryone(Resources.FILTER, myOffers, Permissions.READ);
        // The lead managers' filters: each partner's managers group is granted them with the group.
        filter(FILTER_TEAM_OFFERS, "Every open offer of your partner, assigned or not", -9,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .processDefinitionKey(LEAD_PROCESS).taskDefinitionKey(OFFER_TASK));
        filter(FILTER_UNASSIGNED, "Offers no rep holds yet: assign them to a rep", -7,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
                        .processDefinitionKey(LEAD_PROCESS).taskDefinitionKey(OFFER_TASK));
        filter(FILTER_TEAM_LEADS, "Every task of your partner's reps", -6,
                tasks.createTaskQuery().processDefinitionKey(LEAD_PROCESS));
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.FILTER, supportRequests, Permissions.READ);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.FILTER, supportRequests, Permissions.READ);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.FILTER, toReview, Permissions.READ);
        grantEveryone(Resources.FILTER, partnerOffers, Permissions.READ);
        grantEveryone(Resources.FILTER, myLeads, Permissions.READ);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.FILTER, toDistribute, Permissions.READ);
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.FILTER, toChase, Permissions.READ);
        String dealRegistrations = filter(FILTER_DEAL_REGISTRATIONS,
                "Deals partners registered, waiting for a decision", 4, tasks.createTaskQuery()
                        .taskCandidateGroupIn(List.of(VendorGroups.CHANNEL_MANAGERS, VendorGroups.CHANNEL_DIRECTORS))
                        .includeAssignedTasks().processDefinitionKey(DEAL_REGISTRATION_PROCESS));
        grant(VendorGroups.CHANNEL_MANAGERS, Resources.FILTER, dealRegistrations, Permissions.READ);
        grant(VendorGroups.CHANNEL_DIRECTORS, Resources.FILTER, dealRegistrations, Permissions.READ);
    }

    /** The partner's Camunda group and what its reps may use. */
    public void provisionPartner(String groupId, String partnerName) {
        group(groupId, partnerName, "PARTNER");
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, LEAD_PROCESS, Permissions.READ);
        // "Start process" → "Deal registration" in Tasklist; the partner comes from the user, not the form.
        grant(groupId, Resources.PROCESS_DEFINITION, DEAL_REGISTRATION_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    /**
     * The group of the partner's lead managers, with Tasklist, the lead process and their filters.
     * Tasks reach them as a candidate group of the offers and through the grants on their reps'
     * tasks ({@code EngineGrants}).
     */
    public void provisionManagers(String partnerId, String partnerName) {
        String managers = VendorGroups.managersGroupOf(partnerId);
        group(managers, partnerName + " lead managers", "PARTNER");
        grant(managers, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(managers, Resources.PROCESS_DEFINITION, LEAD_PROCESS, Permissions.READ);
        for (String name : List.of(FILTER_TEAM_OFFERS, FILTER_UNASSIGNED, FILTER_TEAM_LEADS)) {
            Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
            if (filter != null) {
                grant(managers, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    /**
     * Lets the partner's lead managers find the user, one of the partner's people: Tasklist looks a user
     * up before it takes it as a task's assignee, so a manager can give an offer to a rep there.
     */
    public void knownToManagers(String username, String partnerId) {
        grant(VendorGroups.managersGroupOf(partnerId), Resources.USER, username, Permissions.READ);
    }

    /** The people the partner's lead managers can look up (see {@link #knownToManagers}). */
    @Transactional(readOnly = true)
    public Set<String> knownToManagersOf(String partnerId) {
        Set<String> known = new LinkedHashSet<>();
        authorizations.createAuthorizationQuery().groupIdIn(VendorGroups.managersGroupOf(partnerId))
                .resourceType(Resources.USER).list().forEach(grant -> known.add(grant.getResourceId()));
        return known;
    }

    /** Puts the user in the partner's lead managers, or takes it out. */
    public void leadManager(String username, String partnerId, boolean manager) {
        String managers = VendorGroups.managersGroupOf(partnerId);
        if (manager) {
            membership(username, managers);
        } else if (identity.createUserQuery().userId(username).memberOfGroup(managers).count() > 0) {
            identity.deleteMembership(username, managers);
        }
    }

    public void renamePartner(String groupId, String partnerName) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group != null && !partnerName.equals(group.getName())) {
            group.setName(partnerName);
            identity.saveGroup(group);
        }
    }

    public boolean userExists(String username) {
        return identity.createUserQuery().userId(username).count() > 0;
    }

    /** The e-mail addresses of the group's members (those that have one), to mail a vendor team. */
    @Transactional(readOnly = true)
    public Set<String> emailsOf(String groupId) {
        Set<String> emails = new LinkedHashSet<>();
        for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                emails.add(user.getEmail().trim());
            }
        }
        return emails;
    }

    /** A new Camunda user in the given groups. */
    public void provisionUser(String username, String firstName, String lastName, String email, String password,
            String... groupIds) {
        if (!userExists(username)) {
            User user = identity.newUser(username);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String groupId : groupIds) {
            membership(username, groupId);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void membership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            for (Permission permission : permissions) {
                auth.addPermission(permission);
            }
            authorizations.saveAuthorization(auth);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            auth.setUserId(Authorization.ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }

    private String filter(String name, String description, int priority,
            org.camunda.bpm.engine.task.TaskQuery query) {
        // An existing filter takes the query of this release, so that new steps show in the right list.
        Filter existing = filters.createTaskFilterQuery().filterName(name).singleResult();
        Filter filter = (existing != null ? existing : filters.newTaskFilter(name))
                .setQuery(query)
                .setProperties(Map.<String, Object>of("description", description, "priority", priority, "refresh", true));
        filters.saveFilter(filter);
        return filter.getId();
    }
}
