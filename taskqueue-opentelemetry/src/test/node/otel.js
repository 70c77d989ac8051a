'use strict';
// Node side of the cross-language trace tests. Usage: node otel.js <command> '<json config>'.
// The config has url, prefix and queue. A tracer provider with an in-memory exporter is registered
// globally (W3C trace context, as a Node application with bullmq-otel has by default); every command
// prints one JSON document on stdout with the spans that finished, and long-running ones print a
// line "READY" first. Exit code 1 with the error on stderr on failure.
const { trace } = require('@opentelemetry/api');
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { BullMQOtel } = require('bullmq-otel');
const { Queue, Worker } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const base = {
  connection: require('./connection')(cfg.url),
  prefix: cfg.prefix,
  telemetry: new BullMQOtel('node-interop'),
};

// The fields a test compares: ids as hex, the kind as OpenTelemetry's number (3 producer, 4 consumer).
function spans() {
  return exporter.getFinishedSpans().map((s) => ({
    name: s.name,
    kind: s.kind,
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext ? s.parentSpanContext.spanId : null,
    attributes: s.attributes,
    status: s.status,
  }));
}

const commands = {
  // Adds cfg.jobs ([{name, data}]) one by one; returns their ids and the producer spans.
  async add() {
    const queue = new Queue(cfg.queue, base);
    const ids = [];
    for (const j of cfg.jobs) ids.push((await queue.add(j.name, j.data, j.opts || {})).id);
    await queue.close();
    return { ids };
  },

  // Runs a worker until cfg.count jobs finished; the handler notes the span active inside it.
  async work() {
    const seen = [];
    let finished = 0;
    let done;
    const allDone = new Promise((resolve) => { done = resolve; });
    const worker = new Worker(cfg.queue, async (job) => {
      const active = trace.getActiveSpan();
      seen.push({ id: job.id, tm: job.opts.telemetry ? job.opts.telemetry.metadata : null,
        activeSpanId: active ? active.spanContext().spanId : null });
      if (cfg.fail) throw new Error('node failure ' + job.id);
      return 'ok';
    }, base);
    const finish = () => { finished += 1; if (finished >= cfg.count) done(); };
    worker.on('completed', finish);
    worker.on('failed', finish);
    await worker.waitUntilReady();
    process.stdout.write('READY\n');
    const timer = setTimeout(done, cfg.timeoutMs || 60000);
    await allDone;
    clearTimeout(timer);
    await worker.close();
    return { seen, finished };
  },
};

(async () => {
  const fn = commands[command];
  if (!fn) throw new Error('unknown command ' + command);
  const result = await fn();
  await provider.forceFlush();
  process.stdout.write(JSON.stringify({ ...result, spans: spans() }) + '\n');
  await provider.shutdown();
  process.exit(0);
})().catch((e) => {
  process.stderr.write((e && e.stack) || String(e));
  process.exit(1);
});
