package dev.corebound.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP server on 127.0.0.1 (a free port) that answers every one-byte request
 * with one byte after a fixed latency: the far end of the I/O-bound workload.
 * Each connection gets a virtual thread, so the server answers any number of
 * requests at once and the client's concurrency alone decides the total time.
 */
public final class LatencyServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Duration latency;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

    /** Starts listening at once. */
    public LatencyServer(Duration latency) {
        this.latency = latency;
        try {
            this.socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
        Thread.ofVirtual().name("corebound-latency-server").start(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public Duration latency() {
        return latency;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.submit(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            while (in.read() >= 0) {
                Thread.sleep(latency);
                out.write(1);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and drops open connections. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
