package io.leadbridge.web;

/**
 * The rule for text Leadbridge accepts anywhere (JSON fields, CSV cells, query parameters): no
 * control characters (U+0000 to U+001F, U+007F) and no half of a UTF-16 surrogate pair, which
 * databases refuse or store as garbage. Multi-line fields (notes) may hold tabs and line breaks.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Why the value breaks the rule, or null when it does not. */
    public static String problem(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (found half of a surrogate pair at position " + (i + 1) + ")";
            } else if ((c < 0x20 || c == 0x7F) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not contain control characters" + (multiLine ? " other than tab and line breaks" : "")
                        + String.format(" (found U+%04X at position %d)", (int) c, i + 1);
            }
        }
        return null;
    }
}
