package io.leadbridge.rules;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What can be told about a FEEL text without evaluating it. */
public final class FeelTexts {

    /** Identifiers outside string literals; a text with none but these is a constant. */
    private static final Pattern NAME = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> CONSTANT_WORDS = Set.of("true", "false", "null", "not");

    private FeelTexts() {
    }

    /** No function call and no variable: the answer depends on the text (and the input) alone. */
    public static boolean isConstant(String text) {
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            if (names.group(1) != null && !CONSTANT_WORDS.contains(names.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** The words of the text outside string literals. */
    static Set<String> wordsOutsideStrings(String text) {
        Set<String> words = new java.util.HashSet<>();
        Matcher names = NAME.matcher(text);
        while (names.find()) {
            if (names.group(1) != null) {
                words.add(names.group(1));
            }
        }
        return words;
    }
}
