package io.eventrouter.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket connection over a plain TCP socket, for frames that no well-behaved client library
 * will send: text frames holding invalid UTF-8, fragments cut anywhere. It speaks just enough of
 * RFC 6455 for that (handshake, masked frames out, unmasked frames in); every read is bounded by
 * {@link WsClient#WAIT}.
 */
public final class RawFrameSocket implements AutoCloseable {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CONTINUATION = 0x0;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private String handshakeResponse;

    private RawFrameSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects and completes the opening handshake, sending any {@code extraHeaders} ("Name: value"). */
    public static RawFrameSocket connect(URI uri, String... extraHeaders) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) WsClient.WAIT.toMillis());
        RawFrameSocket raw = new RawFrameSocket(socket);
        raw.handshake(uri, extraHeaders);
        return raw;
    }

    /** The server's answer to the opening handshake: status line and headers. */
    public String handshakeResponse() {
        return handshakeResponse;
    }

    private void handshake(URI uri, String... extraHeaders) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + String.join("", java.util.Arrays.stream(extraHeaders).map(header -> header + "\r\n").toList())
                + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        handshakeResponse = head;
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked frame as given; the bytes are not checked in any way. */
    public void sendFrame(boolean fin, int opCode, byte[] payload) throws IOException {
        out.write(maskedFrame(fin, opCode, payload));
        out.flush();
    }

    /**
     * Sends a whole text frame for each of {@code texts} in a single write, so the server reads
     * them together, as it does a pipelining client's.
     */
    public void sendTextsInOneWrite(List<String> texts) throws IOException {
        sendInOneWrite(texts.stream().map(text -> maskedFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8)))
                .toArray(byte[][]::new));
    }

    /** Sends the given frames ({@link #maskedFrame}) in a single write. */
    public void sendInOneWrite(byte[]... frames) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.write(frame);
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /** One frame as a client sends it, masked; the bytes are not checked in any way. */
    public static byte[] maskedFrame(boolean fin, int opCode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opCode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, mask.length);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    public void sendText(boolean fin, int opCode, String text) throws IOException {
        sendFrame(fin, opCode, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame from the server. */
    public Frame nextFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, (first & 0x80) != 0, payload);
    }

    /** The next whole text message, past any pongs; any other frame fails the test. */
    public String nextText() throws IOException {
        Frame frame = nextFrame();
        while (frame.opCode() == PONG) {
            frame = nextFrame();
        }
        if (frame.opCode() != TEXT || !frame.fin()) {
            throw new AssertionError("Expected a whole text frame, got opcode " + frame.opCode());
        }
        return new String(frame.payload(), StandardCharsets.UTF_8);
    }

    /** Reads until the server's close frame and returns its status code. */
    public int awaitCloseCode() throws IOException {
        while (true) {
            Frame frame = nextFrame();
            if (frame.opCode() == CLOSE) {
                byte[] body = frame.payload();
                return body.length < 2 ? 1005 : ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Frame(int opCode, boolean fin, byte[] payload) {}
}
