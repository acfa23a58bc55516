package com.answerloop.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay between the portal and an SMTP server that passes the conversation through, but can hold back the
 * server's reply to the end of one message's DATA. The server has then accepted the mail and the portal does not know
 * it yet: the moment in which a crash makes a mail go out twice.
 */
final class HoldingSmtpRelay implements AutoCloseable {

    // Dot-stuffing (RFC 5321, 4.5.2) keeps this sequence out of a message's text: it only ends the DATA.
    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicBoolean holdNextReply = new AtomicBoolean();
    private final CountDownLatch replyHeld = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    HoldingSmtpRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-relay").start(this::accept);
    }

    /** The port the portal should send its mail to. */
    int port() {
        return listener.getLocalPort();
    }

    /** The server's reply to the next message's end of DATA is held back for good; everything else passes. */
    void holdNextDataReply() {
        holdNextReply.set(true);
    }

    /** Waits until a reply is being held: the server has the mail, the portal waits for the server's word. */
    boolean awaitReplyHeld(Duration timeout) throws InterruptedException {
        return replyHeld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean holding = new AtomicBoolean();
                Thread.ofVirtual().start(() -> clientToServer(client, server, holding));
                Thread.ofVirtual().start(() -> serverToClient(server, client, holding));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void clientToServer(Socket client, Socket server, AtomicBoolean holding) {
        // the end of the previous read, short of a whole END_OF_DATA: the sequence may be split between reads
        byte[] tail = new byte[0];
        try (InputStream in = client.getInputStream();
                OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                byte[] seen = Arrays.copyOf(tail, tail.length + read);
                System.arraycopy(buffer, 0, seen, tail.length, read);
                tail = Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length + 1), seen.length);
                // set before the end of DATA reaches the server, so its reply cannot slip through first
                if (contains(seen, END_OF_DATA) && holdNextReply.compareAndSet(true, false)) {
                    holding.set(true);
                }
                out.write(buffer, 0, read);
                out.flush();
                if (holding.get()) {
                    replyHeld.countDown();
                }
            }
        } catch (IOException e) {
            // the portal was killed, or the relay closed
        } finally {
            closeQuietly(server);
        }
    }

    private static void serverToClient(Socket server, Socket client, AtomicBoolean holding) {
        try (InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                if (!holding.get()) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the portal was killed, or the relay closed
        } finally {
            closeQuietly(client);
        }
    }

    private static boolean contains(byte[] bytes, byte[] sequence) {
        for (int at = 0; at + sequence.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + sequence.length, sequence, 0, sequence.length)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
