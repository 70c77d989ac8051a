'use strict';
// Node side of NodeQueueJobsIT: a queue that only Node touches, read and changed by the taskqueue
// command line. Usage: node jobs.js <command> '<json config>' (url, prefix, queue, ...). Each command
// prints one JSON document on stdout; on failure it exits 1 with the error on stderr. The worker is
// bounded by cfg.timeoutMs (default 60 s).
const { Queue, Worker, Job } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const base = { connection: { url: cfg.url, maxRetriesPerRequest: null }, prefix: cfg.prefix };

const commands = {
  // Adds one job: cfg.name, cfg.data, cfg.opts.
  async add() {
    const queue = new Queue(cfg.queue, base);
    const job = await queue.add(cfg.name, cfg.data, cfg.opts || {});
    await queue.close();
    return { id: job.id };
  },

  // Runs a worker until cfg.count jobs finished for good (completed, or failed without a retry left).
  // Jobs named in cfg.failNames fail with "attempt <n> failed"; the others return {echo, attempt}.
  async work() {
    const finished = [];
    let done;
    const allDone = new Promise((resolve) => { done = resolve; });
    const worker = new Worker(cfg.queue, async (job) => {
      if ((cfg.failNames || []).includes(job.name)) {
        throw new Error('attempt ' + (job.attemptsMade + 1) + ' failed');
      }
      return { echo: job.data, attempt: job.attemptsMade + 1 };
    }, { ...base, name: 'node-worker' });
    const finish = (entry) => {
      finished.push(entry);
      if (finished.length >= cfg.count) done();
    };
    worker.on('completed', (job, result) => finish({ id: job.id, outcome: 'completed', result }));
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts || 1)) finish({ id: job.id, outcome: 'failed', reason: err.message });
    });
    worker.on('error', () => {});
    const timer = setTimeout(done, cfg.timeoutMs || 60000);
    await allDone;
    clearTimeout(timer);
    await worker.close();
    return { finished };
  },

  // One job as Node reads it, with its state.
  async job() {
    const queue = new Queue(cfg.queue, base);
    const job = await Job.fromId(queue, cfg.id);
    const view = job && {
      id: job.id, name: job.name, data: job.data, state: await job.getState(), attemptsMade: job.attemptsMade,
      failedReason: job.failedReason, returnvalue: job.returnvalue, finishedOn: job.finishedOn,
    };
    await queue.close();
    return { job: view };
  },
};

(async () => {
  const out = await commands[command]();
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
