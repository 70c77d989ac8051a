package io.taskqueue.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder that a test can cut, to simulate a network outage between a client and a
 * server without stopping the server (a restarted Redis of this kit comes back empty, and stopping a
 * shared server would break every other test using it).
 *
 * <p>{@link #start()} listens on a loopback port ({@link #port()}; the same port again after a
 * stop) and forwards every connection to the target. {@link #stop()} closes the listening socket
 * and every open connection, so the client sees its connections drop and new ones refused, as when
 * the server goes away; {@link #start()} ends the outage. {@link #accepted()} counts the
 * connections accepted so far, which shows how often a client reconnected.
 *
 * <pre>{@code
 * try (TcpProxy proxy = new TcpProxy("127.0.0.1", server.port())) {
 *     proxy.start();
 *     // point the client at 127.0.0.1:proxy.port()
 *     proxy.stop();  // outage
 *     proxy.start(); // back
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;
    private int port;

    /**
     * A proxy to {@code targetHost:targetPort}; it listens only once started.
     *
     * @param targetHost the server's host
     * @param targetPort the server's port
     */
    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** The loopback port to connect to; 0 until the first {@link #start()}. */
    public int port() {
        return port;
    }

    /**
     * Listens (again) on {@link #port()}, a free port the first time.
     *
     * @throws IOException if the port cannot be bound
     */
    public synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        port = s.getLocalPort();
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the listening socket and every forwarded connection; {@link #start()} reopens. */
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sockets.clear();
    }

    /** How many client connections were accepted since construction. */
    public int accepted() {
        return accepted.get();
    }

    /** Stops the proxy for good. */
    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // stop() closed the listening socket
            }
            accepted.incrementAndGet();
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // The target refused: drop this client, as the server would, and keep listening.
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side or stop() closed the connection
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }
}
