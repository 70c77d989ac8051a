package io.taskqueue.testing;

import io.taskqueue.BackendException;
import io.taskqueue.Capability;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.QueueBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Wraps a backend to simulate faults in tests: a worker that stops renewing its locks (a GC pause,
 * a partition), lost cancel notifications, or an unreachable store. Everything else passes through,
 * capabilities included. It also counts the calls of each queue operation ({@link #calls(String)}),
 * so a test can bound how often a worker retries during an outage. Closing it does not close the
 * wrapped backend.
 */
public final class FaultInjectingBackend implements Backend {
    private final Backend delegate;
    private volatile boolean renewLocks = true;
    private volatile boolean deliverCancelNotifications = true;
    private volatile boolean unreachable;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    private FaultInjectingBackend(Backend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Wraps {@code delegate}; initially no fault is active. */
    public static FaultInjectingBackend wrap(Backend delegate) {
        return new FaultInjectingBackend(delegate);
    }

    /** When false, lock renewals report success but renew nothing, so locks expire. */
    public FaultInjectingBackend renewLocks(boolean renew) {
        this.renewLocks = renew;
        return this;
    }

    /** When false, cancel notifications are swallowed (the durable flag still works). */
    public FaultInjectingBackend deliverCancelNotifications(boolean deliver) {
        this.deliverCancelNotifications = deliver;
        return this;
    }

    /** When true, every operation throws {@link BackendException}. */
    public FaultInjectingBackend unreachable(boolean unreachable) {
        this.unreachable = unreachable;
        return this;
    }

    /**
     * How many times the queue operation {@code operation} (a {@link QueueBackend} method name, e.g.
     * {@code "fetch"}) was called on any queue of this wrapper, failed calls included.
     */
    public long calls(String operation) {
        AtomicLong count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    @Override
    public QueueBackend queue(String queueName) {
        QueueBackend target = delegate.queue(queueName);
        return (QueueBackend) Proxy.newProxyInstance(QueueBackend.class.getClassLoader(),
                new Class<?>[] {QueueBackend.class}, (proxy, method, args) -> invoke(target, method, args));
    }

    private Object invoke(QueueBackend target, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() != Object.class) {
            calls.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
        }
        if (unreachable && !name.equals("name") && method.getDeclaringClass() != Object.class) {
            throw new BackendException("injected fault: backend unreachable");
        }
        if (name.equals("extendLocks") && !renewLocks) {
            @SuppressWarnings("unchecked")
            Map<String, String> tokens = (Map<String, String>) args[0];
            Map<String, LockStatus> held = new HashMap<>();
            tokens.keySet().forEach(id -> held.put(id, LockStatus.HELD));
            return held;
        }
        if (name.equals("openWorkerChannel") && !deliverCancelNotifications) {
            Consumer<String> swallow = jobId -> { };
            return method.invoke(target, args[0], swallow);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public List<String> queueNames() {
        if (unreachable) {
            throw new BackendException("injected fault: backend unreachable");
        }
        return delegate.queueNames();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public String describe() {
        return "faulty(" + delegate.describe() + ")";
    }

    @Override
    public void close() {
        // The wrapped backend belongs to the caller.
    }
}
