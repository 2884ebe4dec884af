package io.leadbridge.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grants Camunda creates and removes by itself as resources come and go, with three changes.
 * The engine has one such provider, so all live here:
 * <ul>
 * <li>Taking a candidate group (or candidate user) off a task takes its access to the task away
 * too. Camunda grants a candidate READ and UPDATE on the task when the link is added, but by
 * default keeps that grant when the link is removed (its {@code DefaultAuthorizationProvider}
 * deletes nothing), so the group would still read the task, its variables and its form. Here the
 * grant the link gave is deleted with the link; an assignee or owner keeps its own grant.</li>
 * <li>A task assigned to a partner's rep is granted to the partner's lead managers too
 * ({@code partner-<id>-managers}), whatever the step: they see all their partner's tasks.</li>
 * <li>A task stays inside its partner: it cannot be assigned (set, claimed, delegated, through
 * Tasklist or {@code /engine-rest}, by anyone) to a person of another partner than the one it
 * belongs to, since the assignee is granted the task, its variables and its form. A task belongs
 * to the partners of its candidate groups and of its assignee so far.</li>
 * <li>Whoever deploys may read the deployment but not delete it: Camunda grants DELETE, and
 * deleting a deployment with its cascade ends every process instance started from it. A business
 * analyst deploys rules; removing leads is not theirs to do.</li>
 * </ul>
 */
@Component
class EngineGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            Authentication authentication = Context.getProcessEngineConfiguration().getIdentityService()
                    .getCurrentAuthentication();
            if (authentication == null || authentication.getUserId() == null) {
                return null;
            }
            return new AuthorizationEntity[] {createGrantAuthorization(authentication.getUserId(), null,
                    Resources.DEPLOYMENT, deployment.getId(), Permissions.READ)};
        }

        /**
         * A task assigned to a partner's rep is also granted to the partner's lead managers, so they see
         * every task of their reps (the offer, "Contact the prospect", "Report progress") in Tasklist.
         */
        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (newAssignee != null) {
                refuseOutsideItsPartner(task, oldAssignee, newAssignee);
            }
            AuthorizationEntity[] assignee = super.newTaskAssignee(task, oldAssignee, newAssignee);
            if (newAssignee == null) {
                return assignee;
            }
            List<AuthorizationEntity> grants = new ArrayList<>();
            if (assignee != null) {
                grants.addAll(List.of(assignee));
            }
            for (String managers : managersGroupsOf(newAssignee)) {
                AuthorizationEntity[] managerGrants = createOrUpdateAuthorizationsByGroupId(task, managers);
                if (managerGrants != null) {
                    grants.addAll(List.of(managerGrants));
                }
            }
            return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
        }

        /**
         * Refuses a person of a partner as the assignee of a task that belongs to other partners, or to
         * the vendor alone (a task with candidate groups, none of them a partner's). A task the engine
         * creates with its assignee (no candidate groups, nobody assigned before) is the process's own
         * choice.
         */
        private static void refuseOutsideItsPartner(Task task, String oldAssignee, String newAssignee) {
            Set<String> partnersOfAssignee = partnersOf(groupsOf(newAssignee));
            if (partnersOfAssignee.isEmpty()) {
                return;
            }
            List<String> candidateGroups = ((TaskEntity) task).getIdentityLinks().stream()
                    .map(IdentityLinkEntity::getGroupId).filter(Objects::nonNull).toList();
            Set<String> partnersOfTask = new TreeSet<>(partnersOf(candidateGroups));
            if (oldAssignee != null) {
                partnersOfTask.addAll(partnersOf(groupsOf(oldAssignee)));
            }
            if (partnersOfTask.isEmpty() && candidateGroups.isEmpty() && oldAssignee == null) {
                return;
            }
            if (partnersOfTask.stream().noneMatch(partnersOfAssignee::contains)) {
                throw new BadUserRequestException("assignee: " + newAssignee + " is not one of the people of "
                        + (partnersOfTask.isEmpty() ? "the vendor, whose task this is"
                                : "partner " + String.join(", ", partnersOfTask) + ", whose task this is")
                        + "; a task stays with the partner it belongs to");
            }
        }

        /** The user's groups, whoever asks: the caller (a rep) may not read other people's groups. */
        private static List<String> groupsOf(String userId) {
            CommandContext command = Context.getCommandContext();
            return command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider().createGroupQuery()
                    .groupMember(userId).list().stream().map(g -> g.getId()).toList());
        }

        /** The partners that groups name: {@code partner-<id>} and {@code partner-<id>-managers}. */
        private static Set<String> partnersOf(List<String> groupIds) {
            Set<String> partners = new TreeSet<>();
            for (String group : groupIds) {
                if (group.startsWith(VendorGroups.PARTNER_GROUP_PREFIX)) {
                    String partner = group.substring(VendorGroups.PARTNER_GROUP_PREFIX.length());
                    partners.add(partner.endsWith(VendorGroups.MANAGERS_GROUP_SUFFIX)
                            ? partner.substring(0, partner.length() - VendorGroups.MANAGERS_GROUP_SUFFIX.length())
                            : partner);
                }
            }
            return partners;
        }

        private static List<String> managersGroupsOf(String userId) {
            List<String> groups = groupsOf(userId);
            if (groups.contains(VendorGroups.CHANNEL_MANAGERS) || groups.contains(VendorGroups.ADMINS)) {
                return List.of();
            }
            return groups.stream()
                    .filter(g -> g.startsWith(VendorGroups.PARTNER_GROUP_PREFIX)
                            && !g.endsWith(VendorGroups.MANAGERS_GROUP_SUFFIX))
                    .map(g -> g + VendorGroups.MANAGERS_GROUP_SUFFIX)
                    .toList();
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return grantsOnTask(task, null, groupId);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
                return null;
            }
            return grantsOnTask(task, userId, null);
        }

        private AuthorizationEntity[] grantsOnTask(Task task, String userId, String groupId) {
            List<AuthorizationEntity> grants = new ArrayList<>();
            AuthorizationEntity runtime = getGrantAuthorization(task.getId(), userId, groupId, Resources.TASK);
            if (runtime != null) {
                grants.add(runtime);
            }
            if (isHistoricInstancePermissionsEnabled()) {
                AuthorizationEntity history = getGrantAuthorization(task.getId(), userId, groupId,
                        Resources.HISTORIC_TASK);
                if (history != null) {
                    grants.add(history);
                }
            }
            return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
        }
    }
}
