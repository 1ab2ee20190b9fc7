package io.gridgov.platform.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is: the peer address, unless the peer is a trusted proxy; then the last hop of
 * {@code X-Forwarded-For} that is not itself a trusted proxy (the hops further left are whatever
 * the client chose to write). Trusted proxies are addresses or CIDR ranges. IPv6 clients are
 * counted by their /64 network, since one subscriber holds a whole /64. Addresses are parsed as
 * literals only, never looked up in DNS.
 */
final class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";
	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<Range> trusted;

	ClientAddresses(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream().map(Range::parse).toList();
	}

	/** The key of the client's bucket. */
	String resolve(String remoteAddress, List<String> forwardedForHeaders) {
		String client = remoteAddress;
		if (isTrusted(remoteAddress) && forwardedForHeaders != null) {
			List<String> hops = new ArrayList<>();
			for (String header : forwardedForHeaders) {
				Arrays.stream(header.split(",")).map(String::trim).filter(hop -> !hop.isEmpty()).forEach(hops::add);
			}
			Collections.reverse(hops);
			for (String hop : hops) {
				client = hop;
				if (!isTrusted(hop)) {
					break;
				}
			}
		}
		return key(client);
	}

	boolean isTrusted(String address) {
		byte[] bytes = literal(address);
		return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
	}

	private static String key(String address) {
		byte[] bytes = literal(address);
		if (bytes == null) {
			return "unparsable:" + address;
		}
		if (bytes.length == 16) {
			Arrays.fill(bytes, 8, 16, (byte) 0);
			return toAddress(bytes).getHostAddress() + "/64";
		}
		return toAddress(bytes).getHostAddress();
	}

	/** The bytes of an IPv4 or IPv6 literal, or null for anything else (no name lookups). */
	static byte[] literal(String address) {
		if (address == null) {
			return null;
		}
		String candidate = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		if (IPV4.matcher(candidate).matches()) {
			String[] parts = candidate.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int part = Integer.parseInt(parts[i]);
				if (part > 255) {
					return null;
				}
				bytes[i] = (byte) part;
			}
			return bytes;
		}
		if (!IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			// a string with a colon is parsed as an IPv6 literal only; the JDK never looks it up by name
			return InetAddress.getByName(candidate).getAddress();
		}
		catch (UnknownHostException notALiteral) {
			return null;
		}
	}

	private static InetAddress toAddress(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private record Range(byte[] network, int prefixLength) {

		static Range parse(String text) {
			int slash = text.indexOf('/');
			byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
			if (network == null) {
				throw new IllegalArgumentException("gridgov.rate-limit.trusted-proxies: not an address or CIDR range: " + text);
			}
			int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("gridgov.rate-limit.trusted-proxies: prefix out of range: " + text);
			}
			return new Range(network, prefix);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			int full = prefixLength / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != network[i]) {
					return false;
				}
			}
			int rest = prefixLength % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[full] & mask) == (network[full] & mask);
		}
	}
}
