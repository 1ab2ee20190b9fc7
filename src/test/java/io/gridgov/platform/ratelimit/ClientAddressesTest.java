package io.gridgov.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

	private final ClientAddresses noProxies = new ClientAddresses(List.of());
	private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.5", "172.16.0.0/12"));

	@Test
	void withoutTrustedProxiesTheClientIsThePeer() {
		assertThat(noProxies.resolve("203.0.113.7", List.of())).isEqualTo("203.0.113.7");
	}

	@Test
	void forwardedForFromAnUntrustedPeerIsIgnored() {
		assertThat(noProxies.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
		assertThat(behindProxies.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void behindATrustedProxyTheClientIsTheLastUntrustedHop() {
		assertThat(behindProxies.resolve("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
		// the client wrote a made-up first hop; the hop our proxies saw is the last untrusted one
		assertThat(behindProxies.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.1, 172.20.3.4")))
			.isEqualTo("198.51.100.1");
		assertThat(behindProxies.resolve("10.0.0.5", List.of("1.2.3.4", "198.51.100.1, 172.16.0.9")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void aTrustedPeerWithoutForwardedForIsTheClient() {
		assertThat(behindProxies.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
	}

	@Test
	void whenEveryHopIsTrustedTheFirstHopIsTheClient() {
		assertThat(behindProxies.resolve("10.0.0.5", List.of("172.16.0.1, 172.16.0.2"))).isEqualTo("172.16.0.1");
	}

	@Test
	void cidrRangesMatchByPrefix() {
		assertThat(behindProxies.isTrusted("172.31.255.255")).isTrue();
		assertThat(behindProxies.isTrusted("172.32.0.0")).isFalse();
		assertThat(behindProxies.isTrusted("10.0.0.6")).isFalse();
		assertThat(behindProxies.isTrusted("not-an-address")).isFalse();
	}

	@Test
	void ipv6ClientsAreCountedByTheirSlash64() {
		assertThat(noProxies.resolve("2001:db8:1:2:aaaa::1", List.of()))
			.isEqualTo(noProxies.resolve("2001:db8:1:2:bbbb::2", List.of()))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(noProxies.resolve("2001:db8:1:3::1", List.of())).isNotEqualTo(noProxies.resolve("2001:db8:1:2::1", List.of()));
		assertThat(new ClientAddresses(List.of("::1")).isTrusted("0:0:0:0:0:0:0:1")).isTrue();
	}

	@Test
	void namesAreNeverResolvedAndBadEntriesAreRefusedAtStart() {
		assertThat(ClientAddresses.literal("localhost")).isNull();
		assertThat(ClientAddresses.literal("300.1.1.1")).isNull();
		assertThat(ClientAddresses.literal("1.2.3")).isNull();
		assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
	}
}
