// The server built from injected parts, driven in-process: fake file system, indexing bound, failing reads, isolated instances.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostFiles } from '../../server/src/lsp/deps';
import type { ServerStats } from '../../server/src/lsp/protocol';
import { startInProcess, type InProcess } from './support/inProcess';
import { fixture } from './support/workspace';

const ROOT = join('/', 'virtual', 'repo');
const PDB_RULE = 'k8s/workload-missing-pdb';

/** An in-memory file system of `name → text` under ROOT; `reads` records each read with its size bound. */
function memoryFiles(files: Record<string, string>, failOn?: string, reads: Array<[string, number]> = []): HostFiles {
  const all = Object.keys(files).map((n) => join(ROOT, n));
  const name = (path: string) => path.slice(ROOT.length + 1);
  return {
    walk: (_folders, max) => ({ files: all.slice(0, max), problems: [] }),
    read: (path, maxBytes) => {
      reads.push([name(path), maxBytes]);
      if (failOn && path.endsWith(failOn)) throw new Error('disk on fire');
      return name(path) in files ? { ok: true, text: files[name(path)] } : { ok: false, kind: 'unreadable', reason: 'cannot read: ENOENT' };
    },
    exists: (path) => name(path) in files,
  };
}

describe('lsp: in-process server with injected parts', () => {
  const running: InProcess[] = [];
  afterEach(async () => { for (const r of running.splice(0)) await r.dispose(); });

  it('indexes through the injected file system and stops at the file bound', async () => {
    const files: Record<string, string> = { 'a/pdb.yaml': fixture('pdb.yaml') };
    for (let i = 0; i < 9; i++) files[`b/cm${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${i}\n`;
    const r = await startInProcess({ pull: false, root: ROOT }, { files: memoryFiles(files), maxIndexedFiles: 5 });
    running.push(r);
    await r.client.indexed();
    const stats = await r.client.request<ServerStats>('lintel/stats', null);
    assert.equal(stats.indexedFiles, 5);
    assert.ok(r.client.logs.some((l) => /indexing stopped at 5 files/.test(l.message)));
    // The PDB was indexed (first in the walk): an open Deployment is covered.
    const uri = pathToFileURL(join(ROOT, 'deploy.yaml')).href;
    r.client.open(uri, fixture('deployment.yaml'));
    const p = await r.client.pushed(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === PDB_RULE), []);
  });

  it('finds and reads configuration files through the injected file access, with a size bound', async () => {
    const reads: Array<[string, number]> = [];
    const config = `rules:\n  k8s/privileged-container: off\n`;
    const r = await startInProcess({ pull: false, root: ROOT }, { files: memoryFiles({ '.lintel.yaml': config, 'pdb.yaml': fixture('pdb.yaml') }, undefined, reads) });
    running.push(r);
    await r.client.indexed();
    const uri = pathToFileURL(join(ROOT, 'apps', 'deploy.yaml')).href;
    r.client.open(uri, fixture('deployment.yaml'));
    const p = await r.client.pushed(uri);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'k8s/privileged-container'), [], 'the in-memory configuration turns the rule off');
    const configReads = reads.filter(([n]) => n === '.lintel.yaml');
    assert.ok(configReads.length > 0);
    assert.ok(configReads.every(([, max]) => max === 1024 * 1024), JSON.stringify(configReads));
  });

  it('logs a failing file system and keeps linting open documents', async () => {
    const r = await startInProcess({ pull: false, root: ROOT }, { files: memoryFiles({ 'x.yaml': 'a: 1\n' }, 'x.yaml') });
    running.push(r);
    await r.client.until('the failure to be logged', () => r.client.logs.some((l) => /indexing failed: disk on fire/.test(l.message)));
    const uri = pathToFileURL(join(ROOT, 'deploy.yaml')).href;
    r.client.open(uri, fixture('deployment.yaml'));
    const p = await r.client.pushed(uri, (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.some((d) => d.code === 'k8s/privileged-container'));
  });

  it('keeps two servers in one process apart (no shared state)', async () => {
    const one = await startInProcess({ pull: false, root: ROOT }, { files: memoryFiles({}) });
    const two = await startInProcess({ pull: false, root: ROOT }, { files: memoryFiles({}) });
    running.push(one, two);
    const pdb = pathToFileURL(join(ROOT, 'pdb.yaml')).href;
    const deploy = pathToFileURL(join(ROOT, 'deploy.yaml')).href;
    one.client.open(pdb, fixture('pdb.yaml'));
    one.client.open(deploy, fixture('deployment.yaml'));
    two.client.open(deploy, fixture('deployment.yaml'));
    await one.client.pushed(deploy, (x) => x.diagnostics.length > 0 && !x.diagnostics.some((d) => d.code === PDB_RULE));
    await two.client.pushed(deploy, (x) => x.diagnostics.some((d) => d.code === PDB_RULE));
    assert.ok(one.server.session && two.server.session && one.server.session !== two.server.session);
  });
});
