package io.leadbridge.dealregistration;

import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a partner may report on its approved deal, the same rules as a lead's opportunity: an open
 * stage moves forward or back by one, amounts are positive with at most two decimals, a close date
 * does not lie in the past, a win carries its final amount and a loss its reason. Used by
 * {@code POST /api/deals/{id}/updates} and by Tasklist's completion check, so both refuse the same
 * things with a 400 naming the field.
 */
final class DealUpdateRules {

    static final int MAX_NOTE = 2000;
    static final Set<DealAction> ACTIONS = EnumSet.of(DealAction.NOTE, DealAction.UPDATE, DealAction.WON,
            DealAction.LOST);
    /** The size of deal_registration.amount. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private DealUpdateRules() {
    }

    static void check(DealUpdate update, OpportunityStage current, LocalDate today, Fields fields) {
        List<FieldError> errors = new ArrayList<>();
        if (!ACTIONS.contains(update.action())) {
            errors.add(new FieldError(fields.action(), "must be one of " + ACTIONS));
        }
        if (update.note() != null && update.note().length() > MAX_NOTE) {
            errors.add(new FieldError(fields.note(), "must be at most " + MAX_NOTE + " characters"));
        }
        if (update.amount() != null && (update.amount().signum() <= 0 || update.amount().scale() > 2
                || update.amount().compareTo(MAX_AMOUNT) > 0)) {
            errors.add(new FieldError(fields.amount(), "must be a positive amount with at most 2 decimals"));
        }
        if (update.expectedCloseDate() != null && update.expectedCloseDate().isBefore(today)) {
            errors.add(new FieldError(fields.expectedCloseDate(), "must not be in the past (today is " + today
                    + ")"));
        }
        switch (update.action()) {
            case NOTE -> {
                if (update.note() == null) {
                    errors.add(new FieldError(fields.note(), "a progress update needs a note"));
                }
            }
            case UPDATE -> {
                if (update.stage() != null && update.stage() != current
                        && !current.nextStages().contains(update.stage())) {
                    errors.add(new FieldError(fields.stage(), "cannot move from " + current + " to "
                            + update.stage() + "; allowed: " + current.nextStages()
                            + (update.stage().isOpen() ? "" : " (close the deal with WON or LOST)")));
                } else if ((update.stage() == null || update.stage() == current) && update.amount() == null
                        && update.expectedCloseDate() == null) {
                    errors.add(new FieldError(fields.stage(),
                            "nothing to update: give a stage, amount or expected close date"));
                }
            }
            case WON -> {
                if (update.amount() == null) {
                    errors.add(new FieldError(fields.amount(), "a won deal needs its final amount"));
                }
            }
            case LOST -> {
                if (update.lostReason() == null) {
                    errors.add(new FieldError(fields.lostReason(), "a lost deal needs a reason: one of "
                            + EnumSet.allOf(LostReason.class)));
                }
            }
            default -> {
                // CONVERT: refused above, a registered deal is an opportunity from its approval.
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** How the caller names the fields: the API's JSON or the Tasklist form's variables. */
    record Fields(String action, String stage, String amount, String expectedCloseDate, String lostReason,
            String note) {
        static final Fields API = new Fields("action", "stage", "amount", "expectedCloseDate", "lostReason", "note");
        static final Fields FORM = new Fields(DealVariables.DEAL_ACTION, DealVariables.DEAL_STAGE,
                DealVariables.DEAL_AMOUNT, DealVariables.DEAL_CLOSE_DATE, DealVariables.LOST_REASON,
                DealVariables.DEAL_NOTE);
    }
}
