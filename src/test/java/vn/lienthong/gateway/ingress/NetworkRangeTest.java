package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks written as address/prefix, IPv4 and IPv6, and what they contain. */
class NetworkRangeTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.0/8, 127.0.0.1, true",
            "127.0.0.0/8, 128.0.0.1, false",
            "10.1.0.0/16, 10.1.255.3, true",
            "10.1.0.0/16, 10.2.0.1, false",
            "192.168.1.128/25, 192.168.1.200, true",
            "192.168.1.128/25, 192.168.1.100, false",
            "192.168.1.7, 192.168.1.7, true",
            "192.168.1.7, 192.168.1.8, false",
            "0.0.0.0/0, 203.0.113.9, true",
            "::1/128, 0:0:0:0:0:0:0:1, true",
            "::1/128, 127.0.0.1, false",
            "2001:db8::/32, 2001:db8:1::5, true",
            "2001:db8::/32, 2001:db9::5, false",
            "10.0.0.0/8, not-an-address, false",
    })
    void containsExactlyTheAddressesOfItsPrefix(String network, String address, boolean contained) {
        assertThat(NetworkRange.parse(network).contains(address)).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "example.org/8", "::1/129", "1/2/3"})
    void refusesWhatIsNoNetwork(String text) {
        assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
