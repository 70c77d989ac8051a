/**
 * The BookLogr CSV exporter: a worker service that writes all books of one user from Postgres to a
 * CSV file in a shared export directory and records the file in {@code csv_export}, where the API
 * finds it to offer the download.
 */
package io.taskqueue.example.booklogr;
