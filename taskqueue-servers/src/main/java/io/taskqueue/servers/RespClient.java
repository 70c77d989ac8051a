package io.taskqueue.servers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
  * A tiny blocking Redis client that speaks RESP2 over a plain socket.
  *
  * <p>It exists so that starting, probing and cleaning a test server does not need a real client
  * library: the test infrastructure must work before (and independently of) the Redis backend under
  * test. It is deliberately minimal and not thread-safe; use one instance per thread.
  *
  * <p>Replies map to Java as: simple and bulk strings to {@link String}, integers to {@link Long},
  * arrays to {@link List}, nil to {@code null}; an error reply throws {@link RedisErrorException}.
  */
public final class RespClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** How many MOVED/ASK redirects one command may follow in cluster mode. */
    private static final int MAX_REDIRECTS = 5;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Set by {@link #connectCluster}: follow MOVED/ASK and route tagged SCANs (see there). */
    private boolean cluster;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
      * Connects to one node of a Redis Cluster (no authentication) in <em>cluster mode</em>: a
      * {@code MOVED} reply makes the client reconnect to the named node and retry (it then stays
      * there), an {@code ASK} reply retries once on the named node after {@code ASKING}; and a
      * {@code SCAN 0 ... MATCH pattern} whose literal start carries a complete hash tag
      * ({@code {tq-test-1f2e}*}) first moves to the node owning that tag's slot, so scans of a
      * test's tagged prefix see its keys. Commands without keys run on the current node.
      */
    public static RespClient connectCluster(String host, int port) {
        RespClient client = connect(host, port, null, null, 0);
        client.cluster = true;
        return client;
    }

    /**
      * Connects and, when given, authenticates and selects the database.
      *
      * @param user     ACL user name, {@code null} for the default user
      * @param password {@code null} for none
      * @param database the logical database to {@code SELECT}
      * @throws UncheckedIOException when the server cannot be reached
      */
    public static RespClient connect(String host, int port, String user, String password,
            int database) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            RespClient client = new RespClient(socket);
            if (password != null) {
                if (user != null) {
                    client.call("AUTH", user, password);
                } else {
                    client.call("AUTH", password);
                }
            }
            if (database != 0) {
                client.call("SELECT", Integer.toString(database));
            }
            return client;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port, e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Sends one command and returns its reply (see the class comment for the mapping). */
    public Object call(String... args) {
        if (!cluster) {
            return send(args);
        }
        routeTaggedScan(args);
        for (int redirect = 0; ; redirect++) {
            try {
                return send(args);
            } catch (RedisErrorException e) {
                String message = e.getMessage();
                boolean moved = message.startsWith("MOVED ");
                if (!(moved || message.startsWith("ASK ")) || redirect >= MAX_REDIRECTS) {
                    throw e;
                }
                String target = message.substring(message.lastIndexOf(' ') + 1);
                int colon = target.lastIndexOf(':');
                reconnect(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
                if (!moved) {
                    send("ASKING");
                }
            }
        }
    }

    private Object send(String... args) {
        try {
            out.write(encode(args));
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis I/O failed during " + args[0], e);
        }
    }

    /** In cluster mode, moves to the node owning the hash tag of a new SCAN's MATCH pattern. */
    private void routeTaggedScan(String... args) {
        if (args.length < 4 || !"SCAN".equalsIgnoreCase(args[0]) || !"0".equals(args[1])) {
            return;
        }
        for (int i = 2; i + 1 < args.length; i++) {
            if ("MATCH".equalsIgnoreCase(args[i])) {
                String literal = args[i + 1].split("[*?\\[\\\\]", 2)[0];
                int open = literal.indexOf('{');
                int close = open < 0 ? -1 : literal.indexOf('}', open + 1);
                if (close > open + 1) {
                    call("EXISTS", literal); // any keyed command: a MOVED reply brings us to the owner
                }
                return;
            }
        }
    }

    private void reconnect(String host, int port) {
        RespClient next = connect(host, port, null, null, 0);
        closeQuietly(socket);
        socket = next.socket;
        in = next.in;
        out = next.out;
    }

    /** {@code PING}; returns {@code PONG}. */
    public String ping() {
        return (String) call("PING");
    }

    /** {@code INFO section} as raw text. */
    public String info(String section) {
        return (String) call("INFO", section);
    }

    /**
      * Deletes every key matching a glob pattern with {@code SCAN} + {@code DEL}.
      *
      * <p>SCAN rather than KEYS so that cleaning a shared external server never blocks it.
      *
      * @return how many keys were deleted
      */
    public long deleteMatching(String pattern) {
        long deleted = 0;
        String cursor = "0";
        do {
            List<?> reply = (List<?>) call("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            cursor = (String) reply.get(0);
            List<?> keys = (List<?>) reply.get(1);
            if (!keys.isEmpty()) {
                String[] del = new String[keys.size() + 1];
                del[0] = "DEL";
                for (int i = 0; i < keys.size(); i++) {
                    del[i + 1] = (String) keys.get(i);
                }
                deleted += (Long) call(del);
            }
        } while (!"0".equals(cursor));
        return deleted;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        writeAscii(buf, "*" + args.length + "\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            writeAscii(buf, "$" + bytes.length + "\r\n");
            buf.writeBytes(bytes);
            writeAscii(buf, "\r\n");
        }
        return buf.toByteArray();
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisErrorException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length);
                if (data.length < length) {
                    throw new EOFException("Redis closed the connection mid-reply");
                }
                readLine(); // the CRLF after the payload
                return new String(data, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type byte '" + (char) type + "'");
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Redis closed the connection mid-reply");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }

    private static void writeAscii(ByteArrayOutputStream buf, String s) {
        buf.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the connection is being thrown away anyway.
        }
    }

    /** An error reply from Redis, e.g. {@code WRONGTYPE ...} or {@code NOAUTH ...}. */
    public static final class RedisErrorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message the error line as Redis sent it */
        public RedisErrorException(String message) {
            super(message);
        }
    }
}
