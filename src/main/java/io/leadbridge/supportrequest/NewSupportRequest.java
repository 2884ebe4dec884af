package io.leadbridge.supportrequest;

import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import io.leadbridge.web.MultiLineText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a rep posts to {@code /api/leads/{id}/support-requests}. */
public record NewSupportRequest(SupportKind kind, BigDecimal discountPercent,
        @MultiLineText String justification) {

    /** The length of support_request.justification. */
    static final int MAX_JUSTIFICATION = 2000;

    /** Every broken rule at once, each naming its field. */
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (discountPercent == null && kind == SupportKind.SPECIAL_PRICING) {
            errors.add(new FieldError("discountPercent", "special pricing needs the discount asked for"));
        }
        if (discountPercent != null && (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError("discountPercent", "must be between 0 and 100"));
        }
        if (discountPercent != null && discountPercent.scale() > 2) {
            errors.add(new FieldError("discountPercent", "at most two decimals"));
        }
        if (justification == null || justification.isBlank()) {
            errors.add(new FieldError("justification", "say why the support is needed"));
        } else if (justification.trim().length() > MAX_JUSTIFICATION) {
            errors.add(new FieldError("justification", "must be at most " + MAX_JUSTIFICATION + " characters"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of " + List.of(SupportKind.values())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
