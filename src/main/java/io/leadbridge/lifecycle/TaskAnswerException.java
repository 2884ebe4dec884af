package io.leadbridge.lifecycle;

import io.leadbridge.web.InvalidInputException;

/** A task was completed without the answer its form asks for; nothing is completed. */
public class TaskAnswerException extends InvalidInputException {

    public TaskAnswerException(String field, String message) {
        super(field, message);
    }
}
