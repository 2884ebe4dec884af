package io.leadbridge.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy ({@code enablePasswordPolicy}, see {@code application.yaml}) in words
 * a user can act on. The engine enforces the policy on every password it stores; Leadbridge checks
 * it first wherever a password comes in, so that a weak one is a {@code 400} naming each broken
 * rule rather than the engine's bare "Password does not match policy".
 */
@Component
public class PasswordRules {

    private final IdentityService identity;

    PasswordRules(IdentityService identity) {
        this.identity = identity;
    }

    /** The rules the password breaks for this user, in words (empty when it complies). */
    public List<String> broken(String password, String userId, String firstName, String lastName, String email) {
        PasswordPolicy policy = identity.getPasswordPolicy();
        if (policy == null) {
            return List.of();
        }
        User user = identity.newUser(userId == null ? "" : userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        return identity.checkPasswordAgainstPolicy(policy, password == null ? "" : password, user)
                .getViolatedRules().stream().map(PasswordRules::describe).toList();
    }

    static String describe(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
        String name = rule.getPlaceholder();
        String words = switch (name) {
            case "PASSWORD_POLICY_LENGTH" -> "must have at least " + parameters.get("minLength") + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "must have at least " + parameters.get("minLowerCase")
                    + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "must have at least " + parameters.get("minUpperCase")
                    + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "must have at least " + parameters.get("minDigit") + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "must have at least " + parameters.get("minSpecial")
                    + " special character(s) such as - . ! ? #";
            case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user's id, first name, last name or e-mail";
            default -> "breaks the rule";
        };
        return words + " (" + name + ")";
    }
}
