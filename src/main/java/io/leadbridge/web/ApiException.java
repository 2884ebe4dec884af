package io.leadbridge.web;

import org.springframework.http.HttpStatus;

/** A refusal the API answers with a problem detail: the status says which kind, the message says why. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    protected ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** 404: the thing asked for does not exist. */
    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    /** 409: the request is understood but the lead or partner is not in a state that allows it. */
    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    /** 413: the upload is larger than the limit the message names. */
    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    /** 406: the caller refuses the only format the answer comes in. */
    public static ApiException notAcceptable(String message) {
        return new ApiException(HttpStatus.NOT_ACCEPTABLE, message);
    }

    /** 403: the caller may not do this to this lead or partner. */
    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }
}
