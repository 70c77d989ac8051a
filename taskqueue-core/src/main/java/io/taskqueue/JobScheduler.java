package io.taskqueue;

import java.util.Objects;

/**
 * A stored job scheduler as listed by {@link JobSchedulers#list()}: its schedule, its job
 * template and where it stands.
 *
 * @param id the scheduler id; its jobs have ids {@code repeat:<id>:<millis>}
 * @param name the name of the jobs it produces
 * @param spec the schedule
 * @param templateDataJson the data of the jobs it produces, as JSON text
 * @param templateOptions the options of the jobs it produces
 * @param next when its current job is due (epoch ms), or {@code null} when none is scheduled
 * @param iterationCount how many jobs it has produced, the current one included
 */
public record JobScheduler(
        String id,
        String name,
        SchedulerSpec spec,
        String templateDataJson,
        JobOptions templateOptions,
        Long next,
        int iterationCount) {

    public JobScheduler {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        templateDataJson = templateDataJson == null ? "{}" : templateDataJson;
        templateOptions = templateOptions == null ? JobOptions.defaults() : templateOptions;
    }
}
