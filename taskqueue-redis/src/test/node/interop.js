'use strict';
// Node side of taskqueue-redis's interop tests. Usage: node interop.js <command> '<json config>'.
// The config always has url, prefix and queue; each command prints one JSON document on stdout
// (long-running ones print a line "READY" first). Exit code 1 with the error on stderr on failure.
const { Queue, Worker, QueueEvents, Job } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = require('./connection')(cfg.url); // a Cluster for redis-cluster:// URLs
const base = { connection, prefix: cfg.prefix };

function view(job) {
  if (!job) return null;
  return {
    id: job.id, name: job.name, data: job.data, opts: job.opts, timestamp: job.timestamp,
    delay: job.delay, priority: job.priority, processedOn: job.processedOn, finishedOn: job.finishedOn,
    attemptsMade: job.attemptsMade, attemptsStarted: job.attemptsStarted, processedBy: job.processedBy,
    returnvalue: job.returnvalue, failedReason: job.failedReason, stacktrace: job.stacktrace,
    progress: job.progress, stalledCounter: job.stalledCounter,
  };
}

const EVENTS = ['added', 'waiting', 'delayed', 'active', 'progress', 'completed', 'failed', 'retries-exhausted',
  'stalled', 'removed', 'drained', 'paused', 'resumed', 'cleaned', 'duplicated', 'waiting-children'];

const commands = {
  async add() {
    const queue = new Queue(cfg.queue, base);
    const ids = [];
    for (const j of cfg.jobs) ids.push((await queue.add(j.name, j.data, j.opts || {})).id);
    await queue.close();
    return { ids };
  },

  async jobs() {
    const queue = new Queue(cfg.queue, base);
    const jobs = {};
    for (const id of cfg.ids || []) jobs[id] = view(await Job.fromId(queue, id));
    const counts = await queue.getJobCounts();
    await queue.close();
    return { jobs, counts };
  },

  async work() {
    const seen = [];
    let finished = 0;
    let done;
    const allDone = new Promise((resolve) => { done = resolve; });
    const worker = new Worker(cfg.queue, async (job) => {
      seen.push({ ...view(job), startedAt: Date.now() });
      if (cfg.fail) throw new Error('node failure ' + job.id);
      return { echo: job.data };
    }, { ...base, concurrency: cfg.concurrency || 1, ...(cfg.workerOpts || {}) });
    const finish = () => { finished += 1; if (finished >= cfg.count) done(); };
    worker.on('completed', finish);
    worker.on('failed', (job) => { if (!job || job.attemptsMade >= (job.opts.attempts || 1)) finish(); });
    const timer = setTimeout(done, cfg.timeoutMs || 30000);
    await allDone;
    clearTimeout(timer);
    await worker.close();
    return { seen, finished };
  },

  async events() {
    const qe = new QueueEvents(cfg.queue, base);
    const received = [];
    const errors = [];
    qe.on('error', (e) => errors.push(String(e)));
    for (const name of EVENTS) qe.on(name, (args, id) => received.push({ event: name, args: args || {}, id }));
    await qe.waitUntilReady();
    process.stdout.write('READY\n');
    const deadline = Date.now() + (cfg.timeoutMs || 30000);
    while (received.length < cfg.count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    let waited = null;
    if (cfg.waitFor) {
      const queue = new Queue(cfg.queue, base);
      waited = await (await Job.fromId(queue, cfg.waitFor)).waitUntilFinished(qe, 10000);
      await queue.close();
    }
    await qe.close();
    return { received, errors, waited };
  },

  async dashboard() {
    const queue = new Queue(cfg.queue, base);
    const types = ['active', 'completed', 'delayed', 'failed', 'prioritized', 'waiting', 'waiting-children'];
    const jobs = (await queue.getJobs(types, 0, -1, true)).map(view);
    const logs = {};
    for (const j of jobs) logs[j.id] = await queue.getJobLogs(j.id);
    const metrics = await queue.getMetrics('completed');
    const workers = await queue.getWorkers();
    const meta = await queue.getMeta();
    const counts = await queue.getJobCounts();
    await queue.close();
    return { jobs, logs, metrics, workers, meta, counts };
  },

  async control() {
    const queue = new Queue(cfg.queue, base);
    let result = null;
    if (cfg.op === 'pause') await queue.pause();
    if (cfg.op === 'resume') await queue.resume();
    if (cfg.op === 'isPaused') result = await queue.isPaused();
    await queue.close();
    return { result };
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
