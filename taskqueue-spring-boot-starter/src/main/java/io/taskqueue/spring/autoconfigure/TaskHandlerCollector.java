package io.taskqueue.spring.autoconfigure;

import io.taskqueue.JobHandler;
import io.taskqueue.JobType;
import io.taskqueue.spring.TaskHandler;
import io.taskqueue.spring.TaskHandlerRegistration;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds {@link TaskHandler @TaskHandler} beans and methods as the context creates its beans, the way
 * Spring finds its own listener methods; the workers read what it found when they start.
 */
final class TaskHandlerCollector implements BeanPostProcessor {
    private final List<TaskHandlerRegistration<?, ?>> found = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        TaskHandler onType = AnnotatedElementUtils.findMergedAnnotation(type, TaskHandler.class);
        if (onType != null) {
            if (!(bean instanceof JobHandler<?, ?> handler)) {
                throw new IllegalStateException("bean '" + beanName + "' is annotated @TaskHandler but is not a"
                        + " JobHandler; annotate its handler method instead");
            }
            ResolvableType generics = ResolvableType.forClass(type).as(JobHandler.class);
            JobType<Object, Object> jobType = new JobType<>(onType.job(), typeOf(generics.getGeneric(0)),
                    typeOf(generics.getGeneric(1)));
            found.add(TaskHandlerRegistration.of(onType.queue(), jobType, (JobHandler<Object, Object>) handler));
        }
        Map<Method, TaskHandler> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<TaskHandler>) m ->
                        AnnotatedElementUtils.findMergedAnnotation(m, TaskHandler.class));
        methods.forEach((method, annotation) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            found.add(TaskHandlerRegistration.of(annotation.queue(), MethodJobHandler.typeOf(annotation.job(), method),
                    MethodJobHandler.of(bean, invocable)));
        });
        return bean;
    }

    private static Type typeOf(ResolvableType generic) {
        if (generic.resolve() == null) {
            return Object.class; // a raw JobHandler or an unresolved type variable: plain JSON
        }
        return generic.hasGenerics() ? generic.getType() : generic.resolve();
    }

    List<TaskHandlerRegistration<?, ?>> found() {
        return List.copyOf(found);
    }
}
