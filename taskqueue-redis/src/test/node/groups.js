'use strict';
// Node side of taskqueue-redis's job-group interop check: a BullMQ 6.7 reader (and a worker) on a
// queue where Java parked grouped jobs. Usage: node groups.js <command> '<json config>'; prints one
// JSON document. Exit code 1 with the error on stderr on failure.
const { Queue, Worker } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = { url: cfg.url, maxRetriesPerRequest: null };
const base = { connection, prefix: cfg.prefix };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const describe = async (job) => job && {
  id: job.id,
  name: job.name,
  data: job.data,
  opts: job.opts,
  delay: job.delay,
  timestamp: job.timestamp,
  state: await job.getState(),
};

const commands = {
  // Reads the queue the ways dashboards do: counts, lists per state, single jobs by id.
  async read() {
    const queue = new Queue(cfg.queue, base);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    const lists = {};
    for (const state of ['waiting', 'active', 'delayed', 'completed', 'failed']) {
      lists[state] = (await queue.getJobs([state], 0, -1, true)).map((j) => j.id);
    }
    const jobs = {};
    for (const id of cfg.ids || []) {
      jobs[id] = await describe(await queue.getJob(id));
    }
    const delayedCount = await queue.getDelayedCount();
    await queue.close();
    return { counts, lists, jobs, delayedCount };
  },

  // Runs a BullMQ worker for cfg.ms and reports what it processed.
  async work() {
    const processed = [];
    const w = new Worker(cfg.queue, async (job) => { processed.push(job.id); return 'node'; },
      { ...base, drainDelay: 1 });
    w.on('error', (e) => process.stderr.write(String(e) + '\n'));
    await w.waitUntilReady();
    await sleep(cfg.ms || 1500);
    await w.close();
    return { processed };
  },
};

(async () => {
  const out = await commands[command]();
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
