package org.balintcompanion.web;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A panel speaking WebSocket by hand over a plain socket, so the test decides exactly when it reads (a phone that
 * stopped reading, then resumes) and never answers a ping unless asked. Server frames are read one by one.
 */
final class RawPanel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPanel(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades and reads the handshake's answer, nothing more. A small receive buffer fills after a few frames. */
    static RawPanel open(int port, String token, int receiveBuffer) throws IOException {
        var s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.setSoTimeout(10_000);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        var panel = new RawPanel(s);
        panel.out.write(("GET " + RoomUpgrade.PATH_PREFIX + "r1" + (token == null ? "" : "?token=" + token)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        panel.out.flush();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) panel.in.read());
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return panel;
    }

    /** A masked text frame, as every client frame must be. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        var frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next text frame as JSON, skipping pings (unanswered) and pongs; null once the server closed. */
    JsonNode nextText() throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int opcode = first & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) length = in.readUnsignedShort();
            else if (length == 127) length = in.readLong();
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (opcode == 0x8) return null;
            if (opcode == 0x1) return JSON.readTree(payload);
        }
    }

    /**
     * Stops sending without a close frame (end of stream, as a client killed mid-connection leaves it), then waits
     * until the server has dropped the connection too.
     */
    void hangUp() throws IOException {
        socket.shutdownOutput();
        try {
            while (in.read() >= 0) {
                // whatever the server still sends before it closes
            }
        } catch (IOException reset) {
            // the server cut the link: what we wait for
        }
        socket.close();
    }

    /** Hangs up at once, with a reset rather than a close handshake, as a phone losing its network might. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override public void close() throws IOException { socket.close(); }
}
