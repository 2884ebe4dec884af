package io.leadbridge.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner's webhook receiver on 127.0.0.1 for tests. Silent, it accepts connections and never
 * says a word, like a partner server that hangs; answering, it reads each POST (headers and body),
 * keeps it and answers {@code 204}.
 */
final class SilentPartnerServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile boolean answering;

    SilentPartnerServer() {
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "silent-partner-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** How many connections it accepted and left without an answer. */
    int heldConnections() {
        return held.size();
    }

    /** From now on, new connections are answered; the ones held so far stay silent until the client gives up. */
    void startAnswering() {
        answering = true;
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (answering) {
                    Thread session = new Thread(() -> answer(client), "silent-partner-session");
                    session.setDaemon(true);
                    session.start();
                } else {
                    held.add(client);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream()) {
            Map<String, String> headers = new HashMap<>();
            String requestLine = line(in);
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            received.add(new Request(requestLine, headers, body));
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : held) {
            client.close();
        }
    }

    /** One POST as the receiver read it; header names in lower case. */
    record Request(String requestLine, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
