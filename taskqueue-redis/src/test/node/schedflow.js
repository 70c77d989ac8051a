'use strict';
// Node side of the scheduler and flow interop checks (docs/protocol.md §14 checks 9 and 11), driven by
// BullmqSchedulerFlowInteropIT. Usage: node schedflow.js <command> '<json config>'; prints one JSON line.
const { Queue, Worker, FlowProducer, Job } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = require('./connection')(cfg.url); // a Cluster for redis-cluster:// URLs
const base = { connection, prefix: cfg.prefix };

const commands = {
  async upsert() {
    const queue = new Queue(cfg.queue, base);
    const ids = [];
    for (const s of cfg.schedulers) {
      const job = await queue.upsertJobScheduler(s.id, s.repeat, { name: s.name, data: s.data || {} });
      ids.push(job ? job.id : null);
    }
    await queue.close();
    return { ids };
  },

  async schedulers() {
    const queue = new Queue(cfg.queue, base);
    const list = await queue.getJobSchedulers();
    await queue.close();
    return { schedulers: list };
  },

  async workFor() {
    const seen = [];
    const worker = new Worker(cfg.queue, async (job) => {
      seen.push({ id: job.id, name: job.name, count: job.opts.repeat && job.opts.repeat.count, at: Date.now() });
      return { ok: job.id };
    }, { ...base, drainDelay: 1 });
    await new Promise((r) => setTimeout(r, cfg.durationMs));
    await worker.close();
    return { seen };
  },

  async flow() {
    const producer = new FlowProducer(base);
    const tree = await producer.add({
      name: 'parent', queueName: cfg.parentQueue, data: { p: 1 },
      children: [
        { name: 'fails', queueName: cfg.childQueue, data: { fail: true }, opts: { failParentOnFailure: true } },
        { name: 'ignored', queueName: cfg.childQueue, data: { fail: false }, opts: { ignoreDependencyOnFailure: true } },
      ],
    });
    await producer.close();
    return { parent: tree.job.id, children: tree.children.map((c) => c.job.id) };
  },

  async workParent() {
    const seen = [];
    const worker = new Worker(cfg.queue, async (job) => {
      seen.push({ id: job.id, values: await job.getChildrenValues() });
      return { parentDone: true };
    }, { ...base, drainDelay: 1 });
    const failed = [];
    worker.on('failed', (job, err) => failed.push({ id: job && job.id, reason: err && err.message }));
    await new Promise((r) => setTimeout(r, cfg.durationMs));
    await worker.close();
    return { seen, failed };
  },

  async job() {
    const queue = new Queue(cfg.queue, base);
    const job = await Job.fromId(queue, cfg.id);
    const out = {
      state: await job.getState(), failedReason: job.failedReason, returnvalue: job.returnvalue,
      values: await job.getChildrenValues(),
    };
    await queue.close();
    return out;
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
