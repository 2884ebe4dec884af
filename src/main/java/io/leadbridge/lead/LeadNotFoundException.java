package io.leadbridge.lead;

import io.leadbridge.web.ApiException;
import org.springframework.http.HttpStatus;

/** No lead with this id. Answered with HTTP 404, as every {@link ApiException}. */
public class LeadNotFoundException extends ApiException {

    public LeadNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "lead " + id + " does not exist");
    }
}
