package io.leadbridge.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may never reach, and how a host written as numbers is read. A
 * partner's receiver is on the internet; the vendor's own network (loopback, private ranges,
 * link-local cloud metadata, multicast, "this host") is not a partner's to call.
 */
final class ReceiverAddresses {

    /** inet_aton's forms: one to four parts, each decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_IPV4 =
            Pattern.compile("(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}");

    private ReceiverAddresses() {
    }

    /**
     * The address a host written as numbers stands for, read the way the C resolver reads it
     * ({@code 127.1}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 2130706433}, {@code ::ffff:127.0.0.1},
     * {@code [::1]}); empty for a host name, which DNS must answer.
     *
     * @throws UnknownHostException when the host looks like numbers but is no address (e.g. {@code 256.1.1.1})
     */
    static Optional<InetAddress> numeric(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains(":")) {
            // Java parses an IPv6 literal itself and never asks DNS about a host with a colon.
            return Optional.of(InetAddress.getByName("[" + h + "]"));
        }
        if (!NUMERIC_IPV4.matcher(h).matches()) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xFF) {
                throw new UnknownHostException("not an IPv4 address: " + host);
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        int lastBits = 8 * (5 - parts.length);
        if (last >= (1L << lastBits)) {
            throw new UnknownHostException("not an IPv4 address: " + host);
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return Optional.of(InetAddress.getByAddress(host, bytes));
    }

    private static long number(String part, String host) throws UnknownHostException {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new UnknownHostException("not an IPv4 address: " + host);
        }
    }

    /**
     * Whether the address belongs to the vendor's side rather than the internet: loopback,
     * unspecified ({@code 0.0.0.0/8}, {@code ::}), private (10/8, 172.16/12, 192.168/16, fc00::/7),
     * shared CGNAT (100.64/10), link-local (169.254/16, fe80::/10, cloud metadata), site-local
     * (fec0::/10), multicast, reserved and broadcast (224/3), 192.0.0/24 and benchmarking (198.18/15);
     * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by it.
     */
    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isInternalIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isInternalIpv6(address.getAddress());
        }
        return true;
    }

    private static boolean isInternalIpv4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        return a0 == 0                                   // "this network", 0.0.0.0
                || a0 == 10                              // private
                || a0 == 127                             // loopback
                || (a0 == 100 && (a1 & 0xC0) == 64)      // shared address space (CGNAT)
                || (a0 == 169 && a1 == 254)              // link-local, cloud metadata
                || (a0 == 172 && (a1 & 0xF0) == 16)      // private
                || (a0 == 192 && a1 == 168)              // private
                || (a0 == 192 && a1 == 0 && a2 == 0)     // IETF protocol assignments
                || (a0 == 198 && (a1 & 0xFE) == 18)      // benchmarking
                || a0 >= 224;                            // multicast, reserved, broadcast
    }

    private static boolean isInternalIpv6(byte[] b) {
        if (Arrays.equals(Arrays.copyOf(b, 10), new byte[10])) {
            boolean mapped = (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            boolean compatible = b[10] == 0 && b[11] == 0;
            if (mapped || compatible) {
                // ::ffff:a.b.c.d and ::a.b.c.d (which includes :: and ::1).
                return isInternalIpv4(Arrays.copyOfRange(b, 12, 16));
            }
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        boolean nat64 = b0 == 0x00 && b1 == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (nat64) {
            return isInternalIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isInternalIpv4(Arrays.copyOfRange(b, 2, 6)); // 6to4
        }
        return (b0 & 0xFE) == 0xFC                       // unique local fc00::/7
                || (b0 == 0xFE && (b1 & 0xC0) == 0x80)   // link-local fe80::/10
                || (b0 == 0xFE && (b1 & 0xC0) == 0xC0)   // site-local fec0::/10
                || b0 == 0xFF;                           // multicast
    }
}
