package io.leadbridge.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on 127.0.0.1 for tests. Silent, it accepts connections and never says a word,
 * like a mail server that hangs; answering, it speaks just enough SMTP to take mails and keeps
 * each one's raw text (headers and body).
 */
public final class FakeMailServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean answering;

    private FakeMailServer(boolean answering) {
        this.answering = answering;
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-mail-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts connections and never answers. */
    public static FakeMailServer silent() {
        return new FakeMailServer(false);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From now on, new connections are answered; the ones held so far stay silent until the client gives up. */
    public void startAnswering() {
        answering = true;
    }

    /** From now on, new connections are held without a word. */
    public void fallSilent() {
        answering = false;
    }

    /** The raw text of every mail received, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The value of the header in a received mail's raw text, or null. */
    public static String header(String rawMail, String name) {
        for (String line : rawMail.split("\r\n")) {
            if (line.isEmpty()) {
                return null;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (answering) {
                    Thread session = new Thread(() -> converse(client), "fake-mail-session");
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

    private void converse(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            say(out, "220 fake.mail.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 fake.mail.test");
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder mail = new StringBuilder();
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            mail.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                        }
                        received.add(mail.toString());
                        say(out, "250 queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : held) {
            client.close();
        }
    }
}
