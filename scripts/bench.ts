// Benchmark (npm run bench): corpus parse vs lint time, per-edit latency and memory of the language server; writes docs/benchmarks.md.
// Usage: tsx scripts/bench.ts [--runs N] [--edits N] [--memory-edits N] [--out FILE] [--no-write]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ALL_RULES } from '../rules';
import { EffectiveConfig, lintFile, Workspace } from '../server/src/engine';
import { parseYaml } from '../server/src/engine/parse/yaml';
import { readSourceFile, walkFiles } from '../server/src/host/files';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'kubernetes');
const SERVER = join(ROOT, 'dist', 'server', 'server.js');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = arg('runs', 7);
const EDITS = arg('edits', 300);
const MEMORY_EDITS = arg('memory-edits', 2000);
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(ROOT, 'docs', 'benchmarks.md');

/** A forced garbage collection between timed phases, without needing node flags on the command line. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const LOAD_AT_START = loadavg()[0];

// ---------------------------------------------------------------- statistics

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${(Math.abs(bytes) < 0.05 * 1024 * 1024 ? 0 : bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------- (a) corpus: parse-only vs full lint

interface CorpusResult { files: number; bytes: number; documents: number; findings: number; parseMs: number[]; analyseMs: number[]; lintMs: number[] }

/** The corpus's YAML and JSON files, in a stable order (the hosts' own walk). */
function corpusFiles(dir: string): string[] {
  return walkFiles([dir]).files;
}

function benchCorpus(): CorpusResult {
  const paths = corpusFiles(CORPUS);
  const files = paths.flatMap((p) => {
    const r = readSourceFile(p, 64 * 1024 * 1024);
    return r.ok ? [{ uri: pathToFileURL(p).toString(), text: r.text }] : [];
  });
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const config = new EffectiveConfig({ extends: 'all' }, ALL_RULES);
  const result: CorpusResult = { files: files.length, bytes, documents: 0, findings: 0, parseMs: [], analyseMs: [], lintMs: [] };
  // One warm-up round (JIT), then RUNS measured rounds of each phase, interleaved.
  for (let run = -1; run < RUNS; run++) {
    gc();
    let t0 = performance.now();
    let docs = 0;
    for (const f of files) docs += parseYaml(f.uri, f.text).docs.length;
    const parse = performance.now() - t0;

    gc();
    t0 = performance.now();
    const analysed = new Workspace();
    for (const f of files) analysed.set(f.uri, f.text);
    const analyse = performance.now() - t0;

    gc();
    t0 = performance.now();
    const ws = new Workspace();
    for (const f of files) ws.set(f.uri, f.text);
    let findings = 0;
    for (const f of files) findings += lintFile(ws, f.uri, config, ALL_RULES).findings.length;
    const lint = performance.now() - t0;

    if (run < 0) continue;
    result.parseMs.push(parse);
    result.analyseMs.push(analyse);
    result.lintMs.push(lint);
    result.documents = docs;
    result.findings = findings;
  }
  return result;
}

// ---------------------------------------------------------------- a minimal LSP client over stdio

type Message = { id?: number | string; method?: string; params?: any; result?: any; error?: { message: string } };

/** JSON-RPC with Content-Length framing; answers the server's own requests with null. */
class StdioClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();
  stderr = '';

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (d: Buffer) => this.receive(d));
    child.stderr!.on('data', (d: Buffer) => { this.stderr += String(d); });
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id as number);
      this.pending.delete(m.id as number);
      if (m.error) p?.reject(new Error(m.error.message)); else p?.resolve(m.result);
      return;
    }
    if (m.id !== undefined && m.method !== undefined) this.send({ id: m.id, result: null });
    for (const l of [...this.listeners]) l(m);
  }

  private send(m: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => { this.pending.set(id, { resolve, reject }); this.send({ id, method, params }); });
  }

  notify(method: string, params: unknown): void { this.send({ method, params }); }

  /** Resolves with the first notification `method` whose params satisfy `accept`. */
  wait<T>(method: string, accept: (params: T) => boolean): Promise<T> {
    return new Promise<T>((resolve) => {
      const l = (m: Message) => { if (m.method === method && accept(m.params as T)) { this.listeners.delete(l); resolve(m.params as T); } };
      this.listeners.add(l);
    });
  }
}

// ---------------------------------------------------------------- (b, c) the language server: per-edit latency and memory

/** A stream of Deployments and Services, about `lines` lines long. */
function manifest(lines: number): string {
  const docs: string[] = [];
  for (let i = 0; docs.join('---\n').split('\n').length < lines; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: { app: app-${i}, team: shop }
  annotations:
    description: "service number ${i}"
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i}, team: shop }
    spec:
      containers:
        - name: main
          image: registry.example.com/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          securityContext:
            privileged: ${i % 3 === 0}
            runAsNonRoot: true
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
        - name: sidecar
          image: envoyproxy/envoy:v1.30.1
          args: ["--config", "/etc/envoy/envoy.yaml"]
`, `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: { app: app-${i} }
  ports:
    - port: 80
      targetPort: 8080
`);
  }
  return docs.join('---\n');
}

/** Node code loaded into the server process (-r) so the bench can read its heap: on SIGUSR2 it collects garbage and reports memory on stderr. */
const MEMORY_PROBE = `process.on('SIGUSR2', () => { if (global.gc) global.gc(); process.stderr.write('LINTEL_BENCH_MEMORY ' + JSON.stringify(process.memoryUsage()) + '\\n'); });\n`;

interface ServerStats { lints: number; lastLintMs: number; totalLintMs: number; lastSyncMs: number; totalSyncMs: number }
interface EditResult { lines: number; chars: number; edits: number; wallMs: number[]; serverMs: number[]; lintMs: number[]; syncMs: number[]; statsAvailable: boolean }
interface MemorySample { edit: number; rss: number; heapUsed: number }

async function startServer(probe: string, root: string): Promise<StdioClient> {
  const child = spawn(process.execPath, ['--expose-gc', '-r', probe, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new StdioClient(child);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).toString(),
    workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'bench' }],
    // Pushed diagnostics with versions; no workspace/configuration, so settings come from here.
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } }, window: {} },
    initializationOptions: { debounceMs: 0 },
  });
  client.notify('initialized', {});
  return client;
}

async function memory(client: StdioClient, edit: number): Promise<MemorySample> {
  const before = client.stderr.length;
  client.child.kill('SIGUSR2');
  for (;;) {
    const m = /LINTEL_BENCH_MEMORY (\{.*\})\n/.exec(client.stderr.slice(before));
    if (m) { const u = JSON.parse(m[1]); return { edit, rss: u.rss, heapUsed: u.heapUsed }; }
    await new Promise<void>((resolve) => client.child.stderr!.once('data', () => resolve()));
  }
}

/** Replaces the value of `description` in document k: a one-line incremental change, like typing. */
function editFor(text: string, n: number): { text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } {
  const lines = text.split('\n');
  const targets = lines.flatMap((l, i) => (l.startsWith('    description: ') ? [i] : []));
  const line = targets[(n * 7) % targets.length];
  const old = lines[line];
  const value = `    description: "service number ${n} edited"`;
  lines[line] = value;
  return { text: lines.join('\n'), range: { start: { line, character: 0 }, end: { line, character: old.length } }, newText: value };
}

/** The same edits without the server: Workspace.set (incremental parse) and lintFile in this process. */
function benchEngineEdits(): { setMs: number[]; lintMs: number[] } {
  const uri = 'file:///bench/big.yaml';
  const config = new EffectiveConfig({}, ALL_RULES);
  const ws = new Workspace();
  let text = manifest(1000);
  ws.set(uri, text);
  const out = { setMs: [] as number[], lintMs: [] as number[] };
  for (let i = -20; i < EDITS; i++) {
    text = editFor(text, 1000 + i).text;
    let t0 = performance.now();
    ws.set(uri, text);
    const set = performance.now() - t0;
    t0 = performance.now();
    lintFile(ws, uri, config, ALL_RULES);
    const lint = performance.now() - t0;
    if (i >= 0) { out.setMs.push(set); out.lintMs.push(lint); }
  }
  return out;
}

async function benchServer(): Promise<{ edits: EditResult; memory: MemorySample[]; memoryEdits: number } | { skipped: string }> {
  if (!existsSync(SERVER)) return { skipped: `${relative(ROOT, SERVER)} is missing (run \`node scripts/build.mjs\`)` };
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-'));
  const probe = join(dir, 'memory-probe.js');
  writeFileSync(probe, MEMORY_PROBE);
  const root = join(dir, 'workspace');
  mkdirSync(root);
  const client = await startServer(probe, root);
  try {
    const uri = pathToFileURL(join(root, 'big.yaml')).toString();
    let text = manifest(1000);
    let version = 1;
    const opened = client.wait<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    await opened;

    const one = async (n: number) => {
      const e = editFor(text, n);
      text = e.text;
      version++;
      const v = version;
      const published = client.wait<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v);
      const t0 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: e.range, text: e.newText }] });
      await published;
      return performance.now() - t0;
    };

    const statsOf = async (): Promise<ServerStats | null> => {
      try { return await client.request<ServerStats | null>('lintel/stats', null); } catch { return null; }
    };

    // (b) per-edit latency: warm up, then measure.
    for (let i = 0; i < 20; i++) await one(i);
    const edits: EditResult = { lines: text.split('\n').length, chars: text.length, edits: EDITS, wallMs: [], serverMs: [], lintMs: [], syncMs: [], statsAvailable: false };
    for (let i = 0; i < EDITS; i++) {
      edits.wallMs.push(await one(1000 + i));
      const s = await statsOf();
      if (s) {
        edits.statsAvailable = true;
        edits.lintMs.push(s.lastLintMs);
        edits.syncMs.push(s.lastSyncMs);
        edits.serverMs.push(s.lastLintMs + s.lastSyncMs);
      }
    }

    // (c) memory over MEMORY_EDITS edits, sampled after a forced collection.
    const samples: MemorySample[] = [await memory(client, 0)];
    const every = Math.max(1, Math.floor(MEMORY_EDITS / 10));
    for (let i = 1; i <= MEMORY_EDITS; i++) {
      await one(5000 + i);
      if (i % every === 0) samples.push(await memory(client, i));
    }
    await client.request('shutdown', null);
    client.notify('exit', null);
    return { edits, memory: samples, memoryEdits: MEMORY_EDITS };
  } finally {
    client.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

function linearSlope(samples: MemorySample[], key: 'rss' | 'heapUsed'): number {
  const n = samples.length;
  const mx = samples.reduce((s, x) => s + x.edit, 0) / n;
  const my = samples.reduce((s, x) => s + x[key], 0) / n;
  const num = samples.reduce((s, x) => s + (x.edit - mx) * (x[key] - my), 0);
  const den = samples.reduce((s, x) => s + (x.edit - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function report(corpus: CorpusResult, engine: ReturnType<typeof benchEngineEdits>, server: Awaited<ReturnType<typeof benchServer>>): string {
  const parse = median(corpus.parseMs), analyse = median(corpus.analyseMs), lint = median(corpus.lintMs);
  const ratio = lint / parse;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push('Generated by `npm run bench` (`scripts/bench.ts`); real measurements on the machine below. Targets from DESIGN §10.', '');
  out.push('## Machine', '');
  out.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`- CPU: ${cpu} (${cpus().length} logical cores), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`);
  out.push(`- OS: ${platform()} ${release()}; Node ${process.version}`);
  out.push(`- Load average (1 min) at start / end: ${LOAD_AT_START.toFixed(2)} / ${loadavg()[0].toFixed(2)} on ${cpus().length} cores (other work on the machine shows in the tails)`);
  out.push(`- Rules: ${ALL_RULES.length}; (a) runs every rule (\`extends: all\`), (b) and (c) the default \`recommended\` set (no \`.lintel.yaml\`)`, '');

  out.push('## (a) Corpus: parse-only vs full lint', '');
  out.push(`Corpus: \`shared/corpus/kubernetes\`, ${corpus.files} files, ${mb(corpus.bytes)}, ${corpus.documents} YAML documents, ${corpus.findings} findings. Median of ${RUNS} runs after one warm-up run, in one process.`, '');
  out.push('| phase | median | fastest run | files/s (median) | MB/s (median) |', '| --- | --- | --- | --- | --- |');
  const row = (name: string, xs: number[]) => { const t = median(xs); return `| ${name} | ${ms(t)} | ${ms(Math.min(...xs))} | ${Math.round(corpus.files / (t / 1000))} | ${(corpus.bytes / 1024 / 1024 / (t / 1000)).toFixed(1)} |`; };
  out.push(row('parse only (YAML with positions)', corpus.parseMs));
  out.push(row('parse + Kubernetes model (workspace)', corpus.analyseMs));
  out.push(row('full lint (workspace + every rule on every file)', corpus.lintMs));
  out.push('');
  const best = Math.min(...corpus.lintMs) / Math.min(...corpus.parseMs);
  out.push(`**Ratio full lint / parse-only: ${ratio.toFixed(2)}× on medians, ${best.toFixed(2)}× on the fastest runs** (target ≤ 1.5×: ${Math.max(ratio, best) <= 1.5 ? 'met' : 'NOT met'}). Rules alone: ${ms(lint - analyse)} (${((lint - analyse) / parse).toFixed(2)}× the parse time, medians).`, '');

  out.push('## (b) Language server: per-edit re-lint latency', '');
  if ('skipped' in server) {
    out.push(`Not measured: ${server.skipped}.`, '');
  } else {
    const e = server.edits;
    out.push(`A generated ${e.lines}-line multi-document manifest (${e.chars.toLocaleString('en-US')} characters; Deployments and Services) open in \`dist/server/server.js --stdio\` (an empty workspace folder, default configuration), pushed diagnostics, \`debounceMs: 0\`. Each edit is a one-line incremental \`didChange\` (a description annotation in a different document each time); the time runs from sending it until \`publishDiagnostics\` for that version arrives. ${e.edits} measured edits after 20 warm-up edits.`, '');
    out.push('| measure | p50 | p95 | max |', '| --- | --- | --- | --- |');
    out.push(`| edit → diagnostics (client wall clock) | ${ms(median(e.wallMs))} | ${ms(quantile(e.wallMs, 0.95))} | ${ms(Math.max(...e.wallMs))} |`);
    if (e.statsAvailable) {
      out.push(`| server: parse (buffer → workspace) | ${ms(median(e.syncMs))} | ${ms(quantile(e.syncMs, 0.95))} | ${ms(Math.max(...e.syncMs))} |`);
      out.push(`| server: lint | ${ms(median(e.lintMs))} | ${ms(quantile(e.lintMs, 0.95))} | ${ms(Math.max(...e.lintMs))} |`);
      out.push(`| **server-side total (parse + lint)** | **${ms(median(e.serverMs))}** | **${ms(quantile(e.serverMs, 0.95))}** | ${ms(Math.max(...e.serverMs))} |`);
    }
    const total = engine.setMs.map((x, i) => x + engine.lintMs[i]);
    out.push(`| engine alone, in the bench process (\`Workspace.set\` + \`lintFile\`, recommended rules) | ${ms(median(total))} | ${ms(quantile(total, 0.95))} | ${ms(Math.max(...total))} |`);
    out.push('');
    const p95 = e.statsAvailable ? quantile(e.serverMs, 0.95) : quantile(e.wallMs, 0.95);
    out.push(`Target ≤ 20 ms server-side: ${p95 <= 20 ? 'met' : 'NOT met'} at p95 (${ms(p95)}${e.statsAvailable ? ', from the server\'s `lintel/stats`' : ', wall clock: the server gave no stats'}).`, '');

    out.push('## (c) Language server: memory over edits', '');
    const m = server.memory;
    out.push(`The same server and file, ${server.memoryEdits} more edits (each waits for its diagnostics). Memory is read inside the server process after a forced garbage collection (a probe loaded with \`node --expose-gc -r\`, answering SIGUSR2).`, '');
    out.push('| after edit | RSS | heap used |', '| --- | --- | --- |');
    for (const s of m) out.push(`| ${s.edit} | ${mb(s.rss)} | ${mb(s.heapUsed)} |`);
    out.push('');
    const heapSlope = linearSlope(m, 'heapUsed') * 1000;
    const rssSlope = linearSlope(m, 'rss') * 1000;
    const growth = m[m.length - 1].heapUsed - m[0].heapUsed;
    out.push(`Heap growth from first to last sample: ${mb(growth)}; least-squares slope ${mb(heapSlope)} per 1,000 edits (RSS ${mb(rssSlope)} per 1,000 edits). Flat memory: ${Math.abs(heapSlope) < 1024 * 1024 ? 'met' : 'NOT met'} (heap slope under 1 MB per 1,000 edits).`, '');
  }

  out.push('## Method', '');
  out.push('- (a) All corpus files are read once (host reader, UTF-8 checked). Each run then times three phases over all files in this order: `parseYaml` alone; a fresh `Workspace` (parse + Kubernetes model); a fresh `Workspace` plus `lintFile` of every file with every rule (`extends: all`), the whole corpus as one workspace so cross-file rules see every object. A forced garbage collection precedes each phase. "Full lint / parse-only" divides the third median by the first.');
  out.push('- (b) A real client over stdio (JSON-RPC with Content-Length framing) against the built server; the server\'s own `lintel/stats` request gives the time it spent parsing the changed buffer (`lastSyncMs`) and linting it (`lastLintMs`) for the last edit.');
  out.push('- (c) Samples every tenth of the run; the slope is a least-squares fit of heap used against the edit count.');
  out.push('- Medians move by a few per cent between runs; the tails (p95, max) move more, with whatever else the machine is doing. Rerun `npm run bench` to refresh this page.', '');
  return out.join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) throw new Error(`corpus folder not found: ${CORPUS}`);
  process.stderr.write(`corpus: ${RUNS} runs…\n`);
  const corpus = benchCorpus();
  process.stderr.write(`language server: ${EDITS} edits, then ${MEMORY_EDITS} for memory…\n`);
  const engine = benchEngineEdits();
  const server = await benchServer();
  const text = report(corpus, engine, server);
  process.stdout.write(text + '\n');
  if (!process.argv.includes('--no-write')) {
    // A hand-written "## History" section at the end of the page (earlier results) is kept.
    const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    const history = previous.indexOf('\n## History');
    writeFileSync(OUT, history >= 0 ? `${text.trimEnd()}\n${previous.slice(history)}` : text);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
