-- Creates the configured schema; run under the migration lock, so concurrent starters cannot race.
CREATE SCHEMA IF NOT EXISTS <schema>
