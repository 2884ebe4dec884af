package io.leadbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts written as numbers, read as the C resolver reads them, and which addresses count as internal. */
class ReceiverAddressesTest {

    @ParameterizedTest
    @CsvSource({"127.1, 127.0.0.1", "0x7f.1, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "2130706433, 127.0.0.1",
            "0x7f000001, 127.0.0.1", "10.1.258, 10.1.1.2", "169.254.169.254., 169.254.169.254", "0, 0.0.0.0",
            "[::1], 0:0:0:0:0:0:0:1", "::ffff:127.0.0.1, 127.0.0.1"})
    void readsNumericHostsLikeTheResolver(String host, String address) throws Exception {
        assertThat(ReceiverAddresses.numeric(host)).get().extracting(InetAddress::getHostAddress).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm.example.com", "localhost", "1.2.3.4.5", "7f.example"})
    void leavesNamesToDns(String host) throws Exception {
        assertThat(ReceiverAddresses.numeric(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.65536", "4294967296", "09.1.1.1"})
    void refusesNumbersThatAreNoAddress(String host) {
        assertThatThrownBy(() -> ReceiverAddresses.numeric(host)).isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.9.9.9", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.1.1.1",
            "255.255.255.255", "240.0.0.1", "192.0.0.170", "198.18.0.1", "::", "::1", "::ffff:10.0.0.1",
            "::ffff:169.254.169.254", "fd00::1", "fc00::1", "fe80::1", "fec0::1", "ff02::1", "64:ff9b::7f00:1",
            "2002:7f00:1::1"})
    void internalAddresses(String literal) throws Exception {
        assertThat(ReceiverAddresses.isInternal(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "203.0.113.10", "172.32.0.1", "100.128.0.1", "192.169.0.1", "11.0.0.1",
            "2001:4860:4860::8888", "2a00:1450::1", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddresses(String literal) throws Exception {
        assertThat(ReceiverAddresses.isInternal(InetAddress.getByName(literal))).isFalse();
    }
}
