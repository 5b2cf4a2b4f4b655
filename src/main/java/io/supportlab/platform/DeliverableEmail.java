package io.supportlab.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An email address we can write to, by {@link EmailAddress}'s rule; the violation says which part
 * is wrong. Null and blank pass (pair it with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = DeliverableEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeliverableEmail {

    String message() default "must be an email address like name@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the address and reports {@link EmailAddress.Problem#message()} as the violation. */
    class Validator implements ConstraintValidator<DeliverableEmail, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            Optional<EmailAddress.Problem> problem = EmailAddress.problem(value);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.get().message())
                    .addConstraintViolation();
            return false;
        }
    }
}
