package io.leadbridge.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

/**
 * What a process model may contain when someone other than an administrator deploys it. A BPMN
 * file runs code wherever it names a script, a Java class or a JUEL expression, and JUEL reaches
 * every Spring bean and Java class. So such a model may carry no script (script tasks, script
 * listeners, script conditions, input/output scripts), no Java class ({@code camunda:class},
 * variable mapping classes), no connector, and only plain expressions: variables, literals,
 * comparisons and logic, Leadbridge's own beans (its delegates and listeners) by name, and the
 * few method calls Leadbridge's own processes make ({@code leadbridge.rule-deployment.process-methods}).
 * No property access, no other method call, no function.
 */
final class ProcessExpressions {

    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "variableMappingClass", "scriptFormat",
            "language", "resource");
    private static final Set<Class<?>> PLAIN_NODES = Set.of(AstEval.class, AstComposite.class, AstText.class,
            AstIdentifier.class, AstBinary.class, AstUnary.class, AstChoice.class, AstNested.class, AstString.class,
            AstNumber.class, AstBoolean.class, AstNull.class);

    private final Predicate<String> isBean;
    private final Predicate<String> isLeadbridgeBean;
    private final Set<String> methods;

    /**
     * @param isBean           whether a name is a Spring bean's
     * @param isLeadbridgeBean whether a bean of that name is one of Leadbridge's own
     * @param methods          the method calls allowed, as {@code bean.method}
     */
    ProcessExpressions(Predicate<String> isBean, Predicate<String> isLeadbridgeBean, Set<String> methods) {
        this.isBean = isBean;
        this.isLeadbridgeBean = isLeadbridgeBean;
        this.methods = Set.copyOf(methods);
    }

    /** Everything in the model that runs code beyond those plain expressions, each naming the element. */
    List<String> problems(byte[] bpmn) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return List.of("is not an XML file the engine can read: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        check(root, problems);
        return problems;
    }

    private void check(Element element, List<String> problems) {
        if (SCRIPT_ELEMENTS.contains(element.getLocalName())) {
            problems.add(name(element) + ": a " + element.getLocalName() + " runs code; only an administrator may "
                    + "deploy it");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            org.w3c.dom.Node attribute = attributes.item(i);
            String localName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            if (CODE_ATTRIBUTES.contains(localName)) {
                problems.add(name(element) + ": " + attribute.getNodeName() + " names code to run; only an "
                        + "administrator may deploy it");
            }
            expression(element, attribute.getNodeName(), attribute.getNodeValue(), problems);
        }
        List<Element> children = new ArrayList<>();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(childElement);
            }
        }
        if (children.isEmpty()) {
            expression(element, "text", element.getTextContent(), problems);
        }
        for (Element child : children) {
            check(child, problems);
        }
    }

    private void expression(Element element, String where, String text, List<String> problems) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        String problem;
        try {
            problem = problem(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text.strip()).getRoot());
        } catch (TreeBuilderException e) {
            problem = "is not a valid expression";
        }
        if (problem != null) {
            problems.add(name(element) + " " + where + " \"" + text.strip() + "\": " + problem);
        }
    }

    private String problem(Node node) {
        if (node instanceof AstMethod method) {
            String called = structure((AstNode) method.getChild(0));
            if (!methods.contains(called)) {
                return "calls " + called + "(), which is not one of the calls allowed " + methods;
            }
            return problem(method.getChild(1));
        }
        if (node instanceof AstIdentifier identifier && isBean.test(identifier.getName())
                && !isLeadbridgeBean.test(identifier.getName())) {
            return "names " + identifier.getName() + ", which is not one of Leadbridge's delegates";
        }
        if (!PLAIN_NODES.contains(node.getClass()) && !(node instanceof AstParameters)) {
            return "uses " + structure((AstNode) node) + "; only variables, literals, comparisons and Leadbridge's "
                    + "delegates by name are allowed";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = problem(node.getChild(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String structure(AstNode node) {
        StringBuilder text = new StringBuilder();
        node.appendStructure(text, null);
        return text.toString();
    }

    private static String name(Element element) {
        String id = element.getAttribute("id");
        return element.getLocalName() + (id.isEmpty() ? "" : " '" + id + "'");
    }
}
