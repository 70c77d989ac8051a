package io.taskqueue.worker;

/**
 * The test worker's task: what to do on which attempt.
 *
 * @param id the caller's reference
 * @param behaviour {@code ok}, {@code permanent}, {@code transient}, {@code flaky} (transient until the
 *     last attempt), {@code invalid} (refused by validation), {@code illegal-state} (a plain bug), or
 *     {@code sleep:MILLIS}
 */
public record Chore(String id, String behaviour) {
}
