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

/**
 * A text that is stored trimmed and in lower case (an e-mail address) fits its column in both
 * forms: lower case can be longer than what was sent ({@code "İ"} becomes {@code "i̇"}, two
 * characters), and a value that passed {@code @Size} would then fail in the database. Null is left
 * to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LowerCaseSize.Validator.class)
public @interface LowerCaseSize {

    int max();

    String message() default "must be at most {max} characters, also in lower case as it is stored";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LowerCaseSize, String> {
        private int max;

        @Override
        public void initialize(LowerCaseSize annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.length() <= max && stored(value).length() <= max);
        }

        /** How the value is stored; the intake lower-cases this way. */
        public static String stored(String value) {
            return value.trim().toLowerCase(Locale.ROOT);
        }
    }
}
