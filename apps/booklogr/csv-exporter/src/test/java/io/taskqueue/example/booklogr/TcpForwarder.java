package io.taskqueue.example.booklogr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards a local port to a server: a database that "comes back" when the forwarder starts on the
 * port the worker was given, without stopping the shared test server (the kit cannot restart it).
 */
final class TcpForwarder implements AutoCloseable {
    private final int localPort;
    private final String host;
    private final int port;
    private volatile ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-forwarder");
        t.setDaemon(true);
        return t;
    });

    private TcpForwarder(int localPort, String host, int port) {
        this.localPort = localPort;
        this.host = host;
        this.port = port;
    }

    /** A port nobody listens on, for now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A forwarder from loopback {@code localPort} to {@code host:port}, not listening until {@link #listen()}. */
    static TcpForwarder between(int localPort, String host, int port) {
        return new TcpForwarder(localPort, host, port);
    }

    /** Starts listening and forwarding every connection. */
    void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", localPort));
        listener = socket;
        threads.execute(this::accept);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                sockets.add(client);
                sockets.add(server);
                threads.execute(() -> pump(client, server));
                threads.execute(() -> pump(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away; closing both ends tells the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public void close() throws IOException {
        if (listener != null) {
            listener.close();
        }
        sockets.forEach(TcpForwarder::closeQuietly);
        threads.shutdownNow();
    }
}
