package io.leadbridge.webhook;

import io.leadbridge.web.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may point: an absolute {@code https} address (or {@code http} where
 * {@code leadbridge.webhooks.allow-http} says so) whose host resolves to public addresses only,
 * unless the host is one of {@code allowed-private-hosts}. Checked when the webhook is registered,
 * and again on every delivery: the sender's HTTP client asks this class, as its DNS resolver, for
 * the addresses to connect to, so it connects to exactly the addresses checked here and a second,
 * different DNS answer (rebinding) never reaches a socket.
 */
@Component
class ReceiverAddressPolicy implements DnsResolver {

    static final String PUBLIC_ADDRESS_RULE = "must point at a public address: its host resolves to a loopback, "
            + "private, link-local, multicast or unspecified address";

    private final WebhookProperties properties;
    private final WebhookHostResolver dns;

    ReceiverAddressPolicy(WebhookProperties properties, WebhookHostResolver dns) {
        this.properties = properties;
        this.dns = dns;
    }

    /** The URL as stored, or a 400 naming {@code url} and the rule it breaks. */
    String checkedUrl(String url) {
        URI uri = parse(url);
        try {
            addresses(host(uri));
        } catch (ReceiverAddressRefused e) {
            throw new InvalidInputException("url", PUBLIC_ADDRESS_RULE);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "its host '" + host(uri) + "' does not resolve");
        }
        return uri.toString();
    }

    /** For the HTTP client: the checked addresses of the host, or a refusal that stops the connection. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return addresses(host).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
    }

    private List<InetAddress> addresses(String host) throws UnknownHostException {
        Optional<InetAddress> literal = ReceiverAddresses.numeric(host);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : dns.resolve(hostKey(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!properties.isAllowedPrivateHost(host) && addresses.stream().anyMatch(ReceiverAddresses::isInternal)) {
            throw new ReceiverAddressRefused(host);
        }
        return addresses;
    }

    private URI parse(String url) {
        String trimmed = url == null ? "" : url.trim();
        String schemes = properties.allowHttp() ? "an absolute http or https" : "an absolute https";
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowedScheme = scheme.equals("https") || (properties.allowHttp() && scheme.equals("http"));
        if (!uri.isAbsolute() || !allowedScheme || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("url", "must be " + schemes + " address with a host name, such as "
                    + "https://crm.example.com/leadbridge/events");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry a user name or password; "
                    + "the signature header proves the sender");
        }
        return uri;
    }

    private static String host(URI uri) {
        return hostKey(uri.getHost());
    }

    /** A host as compared and looked up: lower case, without IPv6 brackets or a trailing dot. */
    static String hostKey(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The host resolves (also) to an address a webhook may not reach. */
    static final class ReceiverAddressRefused extends UnknownHostException {
        ReceiverAddressRefused(String host) {
            super("webhook host " + host + " resolves to an internal address");
        }
    }
}
