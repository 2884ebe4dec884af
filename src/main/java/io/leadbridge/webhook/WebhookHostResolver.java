package io.leadbridge.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Asks DNS for a webhook host's addresses. Its own interface so that a test can play a DNS server
 * that answers differently the second time (rebinding) without any lookup leaving the machine.
 */
public interface WebhookHostResolver {

    /** Every address the name resolves to; never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
