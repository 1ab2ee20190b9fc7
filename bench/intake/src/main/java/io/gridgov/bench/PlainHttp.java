package io.gridgov.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client of one keep-alive connection, for one load-driver thread: it writes a
 * request whose bytes the caller built and reads the status, the headers it needs and the body
 * (Content-Length or chunked), which it discards. The JDK's {@code HttpClient} spent 0.35–0.6 ms of
 * CPU per request on this machine, a fifth of the two cores at the rates measured; the server shares
 * those cores, so the driver's own cost is kept as small as a client can be. Not a general client:
 * no redirects, no compression (the requests do not accept any), no TLS.
 */
final class PlainHttp implements AutoCloseable {

	private final String host;
	private final int port;
	private final byte[] line = new byte[8192];
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	PlainHttp(URI base) {
		this.host = base.getHost();
		this.port = base.getPort() > 0 ? base.getPort() : 80;
	}

	/** The start of every request's head: method, target and Host. */
	String head(String method, String target) {
		return method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n";
	}

	/**
	 * Sends the request and reads the whole response; returns its status. On a connection that the
	 * server closed meanwhile (keep-alive timeout) the request is sent once more on a new connection.
	 */
	int exchange(byte[] request) throws IOException {
		for (int attempt = 0;; attempt++) {
			boolean reused = socket != null;
			try {
				if (socket == null) {
					connect();
				}
				out.write(request);
				out.flush();
				return readResponse();
			}
			catch (IOException e) {
				close();
				if (!reused || attempt > 0) {
					throw e;
				}
			}
		}
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(30_000);
		socket.connect(new InetSocketAddress(host, port), 5_000);
		in = new BufferedInputStream(socket.getInputStream(), 16384);
		out = new BufferedOutputStream(socket.getOutputStream(), 8192);
	}

	private int readResponse() throws IOException {
		int n = readLine();
		if (n < 12) {
			throw new IOException("no status line");
		}
		int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		while ((n = readLine()) > 0) {
			String header = new String(line, 0, n, StandardCharsets.ISO_8859_1);
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = value.equalsIgnoreCase("close");
			}
		}
		if (chunked) {
			long size;
			while ((size = Long.parseLong(lineText().split(";")[0].trim(), 16)) > 0) {
				skip(size);
				readLine();
			}
			while (readLine() > 0) {
				// trailers
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (close) {
			close();
		}
		return status;
	}

	private String lineText() throws IOException {
		int n = readLine();
		return new String(line, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
	}

	/** Reads a line into {@link #line} without its CRLF; returns its length. */
	private int readLine() throws IOException {
		int n = 0;
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("connection closed");
			}
			if (n < line.length) {
				line[n++] = (byte) b;
			}
		}
		return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
	}

	private void skip(long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed in a body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}
}
