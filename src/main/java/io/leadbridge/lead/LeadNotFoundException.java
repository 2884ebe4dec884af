package io.leadbridge.lead;

/** No lead with this id. Answered with HTTP 404. */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(long id) {
        super("lead " + id + " does not exist");
    }
}
