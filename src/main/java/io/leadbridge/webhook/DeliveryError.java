package io.leadbridge.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What went wrong with an attempt, as the delivery log shows it: a short class such as
 * {@code HTTP_500} or {@code CONNECT_REFUSED}, never the receiver's answer or an exception's text,
 * so the log tells a partner what to fix without showing what any server said.
 */
final class DeliveryError {

    static final String ADDRESS_NOT_ALLOWED = "ADDRESS_NOT_ALLOWED";
    static final String UNKNOWN_HOST = "UNKNOWN_HOST";
    static final String CONNECT_REFUSED = "CONNECT_REFUSED";
    static final String TIMEOUT = "TIMEOUT";
    static final String TLS_ERROR = "TLS_ERROR";
    static final String CONNECTION_ERROR = "CONNECTION_ERROR";
    static final String INTERRUPTED = "INTERRUPTED";

    private static final Pattern ERROR_CLASS = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private DeliveryError() {
    }

    /** {@code HTTP_<status>} for an answer outside 2xx (redirects are not followed). */
    static String http(int status) {
        return "HTTP_" + status;
    }

    static String of(IOException e) {
        if (e instanceof ReceiverAddressPolicy.ReceiverAddressRefused) {
            return ADDRESS_NOT_ALLOWED;
        }
        if (e instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (e instanceof InterruptedIOException) {
            // SocketTimeoutException and the HTTP client's ConnectTimeoutException.
            return TIMEOUT;
        }
        if (e instanceof ConnectException) {
            return CONNECT_REFUSED;
        }
        if (e instanceof SSLException) {
            return TLS_ERROR;
        }
        return CONNECTION_ERROR;
    }

    /**
     * The error as the API shows it. Rows written before error classes held the start of the
     * receiver's answer: those show as their status class, or as {@code CONNECTION_ERROR}.
     */
    static String shown(String stored, Integer statusCode) {
        if (stored == null || ERROR_CLASS.matcher(stored).matches()) {
            return stored;
        }
        return statusCode != null ? http(statusCode) : CONNECTION_ERROR;
    }
}
