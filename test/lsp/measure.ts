// Measures the server over stdio (not a test): per-edit lint time of a 1,000-line file, the cost of re-linting
// dependent documents after a cross-file change, and indexing time of a folder. Usage: tsx test/lsp/measure.ts [folder]
import { performance } from 'node:perf_hooks';
import type { ServerStats } from '../../server/src/lsp/protocol';
import { LspClient } from './support/lspClient';
import { fixture, TempWorkspace } from './support/workspace';

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

/** A stream of Deployments about `lines` long. */
function bigManifest(lines: number): string {
  const one = fixture('deployment.yaml');
  const per = one.split('\n').length + 1;
  return Array.from({ length: Math.ceil(lines / per) }, (_, i) => one.replace(/name: web\n/, `name: web-${i}\n`).replace(/app: web$/gm, `app: web-${i}`)).join('---\n');
}

async function perEdit(): Promise<void> {
  const ws = new TempWorkspace();
  const client = await LspClient.start({ pull: false, root: ws.root, initializationOptions: { debounceMs: 0 } });
  await client.indexed();
  const uri = ws.uri('big.yaml');
  let text = bigManifest(1000);
  client.open(uri, text);
  await client.pushed(uri, (p) => p.version === 1);
  const server: number[] = [];
  const parse: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 40; i++) {
    text = text.replace(/replicas: \d+/, `replicas: ${3 + (i % 5)}`);
    const t0 = performance.now();
    const v = client.change(uri, text);
    await client.pushed(uri, (p) => p.version === v);
    wall.push(performance.now() - t0);
    const stats = await client.request<ServerStats>('lintel/stats', null);
    server.push(stats.lastLintMs);
    parse.push(stats.lastSyncMs);
  }
  console.log(`1,000-line file (${text.split('\n').length} lines, ${text.length} chars), 40 edits: parse median ${median(parse).toFixed(1)} ms, lint median ${median(server).toFixed(1)} ms (max ${Math.max(...server).toFixed(1)} ms); edit→publish median ${median(wall).toFixed(1)} ms`);
  await client.stop();
  ws.dispose();
}

async function dependents(n: number): Promise<void> {
  const ws = new TempWorkspace();
  const client = await LspClient.start({ pull: false, root: ws.root, initializationOptions: { debounceMs: 0 } });
  await client.indexed();
  const uris: string[] = [];
  for (let i = 0; i < n; i++) {
    const uri = ws.uri(`d${i}.yaml`);
    uris.push(uri);
    client.open(uri, fixture('deployment.yaml').replace(/name: web\n/, `name: web-${i}\n`));
  }
  for (const u of uris) await client.pushed(u);
  const pdb = ws.uri('pdb.yaml');
  client.open(pdb, fixture('pdb.yaml'));
  await client.pushed(pdb);
  for (const u of uris) await client.until('dependents settled', () => client.published.get(u)!.length >= 2);
  const samples: Array<{ wall: number; lintMs: number; lints: number }> = [];
  for (let k = 0; k < 10; k++) {
    const counts = uris.map((u) => client.published.get(u)!.length);
    const before = await client.request<ServerStats>('lintel/stats', null);
    const t0 = performance.now();
    client.change(pdb, fixture('pdb.yaml').replace('app: web', k % 2 ? 'app: web' : 'app: other'));
    await client.until('all dependents re-published', () => uris.every((u, i) => client.published.get(u)!.length > counts[i]));
    const wall = performance.now() - t0;
    const after = await client.request<ServerStats>('lintel/stats', null);
    samples.push({ wall, lintMs: after.totalLintMs - before.totalLintMs, lints: after.lints - before.lints });
  }
  console.log(`${n} open Deployments, PDB edited 10 times: re-lint per edit median ${median(samples.map((s) => s.lintMs)).toFixed(1)} ms server time over ${median(samples.map((s) => s.lints))} lints; edit→all republished median ${median(samples.map((s) => s.wall)).toFixed(1)} ms`);
  await client.stop();
  ws.dispose();
}

async function indexing(folder: string): Promise<void> {
  const t0 = performance.now();
  const client = await LspClient.start({ pull: false, root: folder });
  await client.indexed();
  const stats = await client.request<ServerStats>('lintel/stats', null);
  console.log(`indexing ${folder}: ${stats.indexedFiles} files, ${(performance.now() - t0).toFixed(0)} ms from spawn to indexed`);
  const t1 = performance.now();
  const scan = await client.request<{ totals: { files: number; errors: number; warnings: number; infos: number } }>('lintel/scanWorkspace', {});
  console.log(`scan: ${JSON.stringify(scan.totals)} in ${(performance.now() - t1).toFixed(0)} ms`);
  await client.stop();
}

async function main(): Promise<void> {
  await perEdit();
  for (const n of [10, 50]) await dependents(n);
  if (process.argv[2]) await indexing(process.argv[2]);
}

main().catch((e) => { console.error(e); process.exit(1); });
