package io.taskqueue.spring.autoconfigure;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.JobType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.springframework.util.ReflectionUtils;

/**
 * Runs a {@link io.taskqueue.spring.TaskHandler @TaskHandler} method: it takes nothing, the job's data
 * or the {@link JobContext}, and returns the result. Exceptions it throws reach the worker unwrapped,
 * so the error classifier sees the handler's own exception.
 */
final class MethodJobHandler implements JobHandler<Object, Object> {
    private final Object bean;
    private final Method method;
    private final boolean takesContext;

    private MethodJobHandler(Object bean, Method method, boolean takesContext) {
        this.bean = bean;
        this.method = method;
        this.takesContext = takesContext;
    }

    /** The job type (its data type read from the parameter) and handler of {@code method} on {@code bean}. */
    static JobType<Object, Object> typeOf(String job, Method method) {
        Type result = method.getReturnType() == void.class ? Object.class : method.getGenericReturnType();
        return new JobType<>(job, dataType(method), result);
    }

    static MethodJobHandler of(Object bean, Method method) {
        if (method.getParameterCount() > 1) {
            throw new IllegalStateException("@TaskHandler method " + method + " must take nothing, the job's data"
                    + " or its JobContext");
        }
        ReflectionUtils.makeAccessible(method);
        boolean takesContext = method.getParameterCount() == 1 && method.getParameterTypes()[0] == JobContext.class;
        return new MethodJobHandler(bean, method, takesContext);
    }

    private static Type dataType(Method method) {
        if (method.getParameterCount() == 0) {
            return Object.class;
        }
        Type parameter = method.getGenericParameterTypes()[0];
        if (method.getParameterTypes()[0] == JobContext.class) {
            parameter = parameter instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        }
        // A wildcard or type variable names no type the codec could decode into: plain JSON it is.
        return parameter instanceof Class<?> || parameter instanceof ParameterizedType ? parameter : Object.class;
    }

    @Override
    public Object handle(JobContext<Object> context) throws Exception {
        Object[] args = method.getParameterCount() == 0 ? new Object[0]
                : new Object[] {takesContext ? context : context.data()};
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return method.toGenericString();
    }
}
