package io.taskqueue.cli.job;

/**
 * The words for what a bulk operation does, so its prompt, progress bar and report agree.
 *
 * @param base {@code retry}
 * @param past {@code retried}
 * @param progressive {@code retrying}: the progress bar's task name
 */
record Verb(String base, String past, String progressive) {
    static final Verb RETRY = new Verb("retry", "retried", "retrying");
    static final Verb REMOVE = new Verb("remove", "removed", "removing");
}
