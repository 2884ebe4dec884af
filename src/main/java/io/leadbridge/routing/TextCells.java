package io.leadbridge.routing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decision table cells that list only plain text literals ({@code "globex.com"},
 * {@code "CU","IR"}): FEEL answers such a cell for a text input by equality with any of them, so
 * code may too (rules.RememberingFeelEngine), and the texts a table names can be read from its
 * rows (rewards.RewardPointsRules).
 */
public final class TextCells {

    private static final Pattern TEXT_LITERALS =
            Pattern.compile("\\s*\"[^\"\\\\,]*\"\\s*(,\\s*\"[^\"\\\\,]*\"\\s*)*");

    private TextCells() {
    }

    /** The texts the cell lists; none when it is anything else. A literal with an escape or a comma is left to FEEL. */
    public static List<String> listed(String cell) {
        if (!TEXT_LITERALS.matcher(cell).matches()) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::trim)
                .map(literal -> literal.substring(1, literal.length() - 1)).toList();
    }
}
