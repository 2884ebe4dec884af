package io.leadbridge.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 639-1 two-letter language code such as {@code de}, in any letter case; it is stored in
 * lower case ({@link Validator#stored}). Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoLanguage.Validator.class)
public @interface IsoLanguage {

    String message() default "must be an ISO 639-1 language code such as de";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoLanguage, String> {
        private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.length() == 2 && CODES.contains(stored(value)));
        }

        /** How the code is stored: in lower case ({@code DE} becomes {@code de}). */
        public static String stored(String value) {
            return value.toLowerCase(Locale.ROOT);
        }
    }
}
