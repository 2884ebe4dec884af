package io.leadbridge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * A decision file evaluates FEEL and nothing else. Camunda's DMN engine also evaluates JUEL and
 * scripts (JavaScript, Groovy) where an element names another {@code expressionLanguage}, and
 * JUEL reaches any Java class and every Spring bean: one cell could run a shell command as the
 * server's user. So every {@code expressionLanguage} and {@code typeLanguage} in the file must
 * be FEEL (or absent: Camunda's default is FEEL), and no expression may name a Java class, hold
 * a JUEL {@code ${...}} or define a FEEL {@code external} function.
 */
final class DecisionExpressions {

    private static final Set<String> FEEL = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE.toLowerCase(Locale.ROOT),
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12.toLowerCase(Locale.ROOT),
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13.toLowerCase(Locale.ROOT),
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14.toLowerCase(Locale.ROOT),
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15.toLowerCase(Locale.ROOT));
    private static final List<String> LANGUAGE_ATTRIBUTES = List.of("expressionLanguage", "typeLanguage");
    /** A qualified Java class name such as java.lang.Runtime, also inside a string literal. */
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "(?<![A-Za-z0-9_$])(java|javax|jakarta|jdk|sun|com\\s*\\.\\s*sun|org\\s*\\.\\s*springframework|"
                    + "org\\s*\\.\\s*camunda|io\\s*\\.\\s*leadbridge)\\s*\\.\\s*[A-Za-z_$]");

    private DecisionExpressions() {
    }

    /** Every element of the file that is not plain FEEL, named by kind, id and decision. */
    static List<String> problems(DmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        check(model.getDocument().getRootElement(), problems);
        return problems;
    }

    private static void check(DomElement element, List<String> problems) {
        for (String attribute : LANGUAGE_ATTRIBUTES) {
            String language = element.getAttribute(attribute);
            if (language != null && !language.isBlank() && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
                problems.add(name(element) + ": " + attribute + " \"" + language
                        + "\" is not FEEL; only FEEL expressions are evaluated (remove the attribute)");
            }
        }
        if ("text".equals(element.getLocalName()) && element.getTextContent() != null) {
            String text = element.getTextContent();
            String where = name(element.getParentElement() == null ? element : element.getParentElement());
            if (text.contains("${") || text.contains("#{")) {
                problems.add(where + ": " + quote(text) + " is a JUEL expression; only FEEL is evaluated");
            } else if (JAVA_CLASS.matcher(text).find()) {
                problems.add(where + ": " + quote(text) + " names a Java class; expressions may not reach Java");
            } else if (FeelTexts.wordsOutsideStrings(text).contains("external")) {
                problems.add(where + ": " + quote(text) + " defines an external function; expressions may not "
                        + "reach Java");
            }
        }
        for (DomElement child : element.getChildElements()) {
            check(child, problems);
        }
    }

    /** "inputExpression 'InputExpression_Score' in decision 'leadQualification'". */
    static String name(DomElement element) {
        StringBuilder name = new StringBuilder(element.getLocalName());
        String id = element.getAttribute("id");
        if (id != null) {
            name.append(" '").append(id).append('\'');
        }
        for (DomElement parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if ("decision".equals(parent.getLocalName()) && parent != element) {
                name.append(" in decision '").append(parent.getAttribute("id")).append('\'');
                break;
            }
        }
        return name.toString();
    }

    private static String quote(String text) {
        String trimmed = text.strip();
        return "\"" + (trimmed.length() > 80 ? trimmed.substring(0, 77) + "..." : trimmed) + "\"";
    }
}
