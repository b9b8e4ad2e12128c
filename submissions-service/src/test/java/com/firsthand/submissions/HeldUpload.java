package com.firsthand.submissions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * An upload over a raw socket that sends its headers and the first half of its body, then holds: the server sees
 * an upload in progress until {@link #finish()} sends the rest or {@link #abort()} drops the connection.
 */
final class HeldUpload implements AutoCloseable {

    private static final String BOUNDARY = "heldboundary";

    private final Socket socket;
    private final byte[] body;
    private final int sent;

    private HeldUpload(Socket socket, byte[] body, int sent) {
        this.socket = socket;
        this.body = body;
        this.sent = sent;
    }

    static HeldUpload start(int port, String token, String jobId, byte[] file) throws IOException {
        byte[] body = concat(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII), file,
                ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = "POST /v1/worker/jobs/" + jobId + "/submissions HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nAuthorization: Bearer " + token + "\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        return new HeldUpload(socket, body, half);
    }

    /** The status line and body the server answered while the rest of the body was still unsent. */
    String responseWithoutTheRest(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return "no response within " + wait + " while the body was held back";
        }
    }

    /** Sends the rest of the body and returns the response. */
    String finish() throws IOException {
        socket.getOutputStream().write(body, sent, body.length - sent);
        socket.getOutputStream().flush();
        socket.setSoTimeout(30_000);
        return read(socket.getInputStream());
    }

    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Reads one response: its head, then as much of the body as its Content-Length says. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static byte[] filler(int size) throws Exception {
        byte[] jpeg = UploadTest.jpeg(64, 48);
        // A JPEG followed by padding: the type sniffer and the header reader only look at the start.
        return Arrays.copyOf(jpeg, Math.max(size, jpeg.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
