package io.leadbridge.rules;

import java.util.List;

/** A rule file that may not be used: every problem found, each naming the element or the table and row. */
public class RuleFileException extends RuntimeException {

    private final String file;
    private final List<String> problems;

    public RuleFileException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }
}
