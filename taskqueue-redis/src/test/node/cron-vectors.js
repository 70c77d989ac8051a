'use strict';
// Generates cron test vectors with the cron-parser that bullmq 6.7.0 depends on (5.10.3), exactly as
// BullMQ's default repeat strategy calls it: CronExpressionParser.parse(pattern, {tz, currentDate})
// then next(), repeated. Usage: node cron-vectors.js > ../resources/cron-vectors.json
// The Java side (CronVectorsTest) reads the committed JSON; CronVectorsIT regenerates and compares.
const { CronExpressionParser } = require('cron-parser');

const STEPS = 6;
const cases = [
  // every-second / every-n-seconds, as in the §14 check 11 scheduler
  ['*/2 * * * * *', 'UTC', '2026-03-08T06:59:58.000Z'],
  ['*/2 * * * * *', 'UTC', '2026-03-08T06:59:58.500Z'],
  ['* * * * * *', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['*/15 * * * *', 'UTC', '2026-01-31T23:50:00.000Z'],
  ['0 0 * * *', 'UTC', '2026-02-27T12:00:00.000Z'],
  // America/New_York: spring forward 2026-03-08 02:00 -> 03:00, fall back 2026-11-01 02:00 -> 01:00
  ['30 2 * * *', 'America/New_York', '2026-03-06T12:00:00.000Z'],
  ['0 * * * *', 'America/New_York', '2026-03-08T05:30:00.000Z'],
  ['30 1 * * *', 'America/New_York', '2026-10-30T12:00:00.000Z'],
  ['0 * * * *', 'America/New_York', '2026-11-01T04:30:00.000Z'],
  ['*/30 1 * * *', 'America/New_York', '2026-11-01T04:00:00.000Z'],
  ['0 9 * * 1-5', 'America/New_York', '2026-03-05T12:00:00.000Z'],
  // Europe/Berlin: spring forward 2026-03-29 02:00 -> 03:00, fall back 2026-10-25 03:00 -> 02:00
  ['30 2 * * *', 'Europe/Berlin', '2026-03-27T12:00:00.000Z'],
  ['0 * * * *', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
  ['30 2 * * *', 'Europe/Berlin', '2026-10-23T12:00:00.000Z'],
  ['0 * * * *', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
  ['0 0 * * *', 'Europe/Berlin', '2026-03-27T12:00:00.000Z'],
  // day-of-month / day-of-week rules
  ['0 12 13 * 5', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 1,15 * *', 'UTC', '2026-01-10T00:00:00.000Z'],
  ['0 0 * * 0', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 * * 7', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 * * MON', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 31 * *', 'UTC', '2026-01-15T00:00:00.000Z'],
  ['0 0 29 2 *', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 L * *', 'UTC', '2026-01-15T00:00:00.000Z'],
  ['0 0 * * 5L', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 * * 1#2', 'UTC', '2026-01-01T00:00:00.000Z'],
  ['0 0 * JAN,JUL *', 'UTC', '2026-02-01T00:00:00.000Z'],
  ['0 8-10/2 * * *', 'Asia/Kolkata', '2026-05-01T00:00:00.000Z'],
  ['0 0 1 * *', 'Australia/Lord_Howe', '2026-03-15T00:00:00.000Z'],
];

const vectors = [];
for (const [pattern, tz, start] of cases) {
  const entry = { pattern, tz, start: new Date(start).getTime(), next: [], error: null };
  try {
    const it = CronExpressionParser.parse(pattern, { tz, currentDate: new Date(start) });
    for (let i = 0; i < STEPS; i++) entry.next.push(it.next().getTime());
  } catch (e) {
    entry.error = String(e && e.message ? e.message : e);
  }
  vectors.push(entry);
}
const version = require('cron-parser/package.json').version;
process.stdout.write(JSON.stringify({ generator: 'cron-vectors.js', cronParser: version, vectors }, null, 1) + '\n');
