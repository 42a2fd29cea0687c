// Host file reading: huge, binary, non-UTF-8 and unreadable files are refused with a clear reason; nothing else is lost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EffectiveConfig, lintFile, Workspace } from '../../server/src/engine';
import { readSourceFile, walkFiles } from '../../server/src/host/files';
import { pod, RULES } from './support';

const MB = 1024 * 1024;
const LIMIT = 5 * MB;

describe('robustness: reading files (host)', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'lintel-files-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Uint8Array) => { const p = join(dir, name); writeFileSync(p, content); return p; };
  const refused = (p: string, max = LIMIT) => { const r = readSourceFile(p, max); assert.equal(r.ok, false, `${p} is refused`); return (r as { reason: string }).reason; };

  it('refuses a 20 MB file without reading it whole, saying its size and the limit', () => {
    const big = join(dir, 'huge.yaml');
    // Generated here, never committed: 20 MB of a repeated manifest.
    const chunk = pod('big') + '---\n';
    writeFileSync(big, chunk.repeat(Math.ceil((20 * MB) / chunk.length)));
    const reason = refused(big);
    assert.match(reason, /^file is 20\.0 MB, over the 5\.0 MB limit; skipped/);
    assert.match(reason, /maxFileSizeMB/);
  });

  it('reads a file under the limit', () => {
    assert.deepEqual(readSourceFile(file('ok.yaml', pod('ok')), LIMIT), { ok: true, text: pod('ok') });
  });

  it('reads the empty file as empty text', () => {
    assert.deepEqual(readSourceFile(file('empty.yaml', ''), LIMIT), { ok: true, text: '' });
  });

  it('refuses binary bytes', () => {
    assert.match(refused(file('image.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))), /binary file/);
  });

  it('refuses non-UTF-8 bytes, naming the first bad byte', () => {
    const prefix = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  city: M';
    const latin1 = Buffer.concat([Buffer.from(prefix), Buffer.from([0xfc]), Buffer.from('nchen\n')]);
    assert.equal(refused(file('latin1.yaml', latin1)), `not valid UTF-8 (first bad byte at offset ${prefix.length}); skipped`);
  });

  it('refuses UTF-16 with a reason that says what to do', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pod('u16'), 'utf16le')]);
    assert.match(refused(file('utf16.yaml', utf16)), /UTF-16.*save the file as UTF-8/);
  });

  it('refuses missing files with the system reason, and folders as not a regular file', () => {
    assert.equal(refused(join(dir, 'absent.yaml')), 'cannot read: ENOENT');
    mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
    assert.equal(refused(join(dir, 'folder.yaml')), 'not a regular file (a folder); skipped');
  });

  it('says what kind of refusal it is, so callers need not read the message', () => {
    const kind = (p: string, max = LIMIT) => { const r = readSourceFile(p, max); return r.ok ? 'ok' : r.kind; };
    assert.equal(kind(file('k-ok.yaml', pod('ok'))), 'ok');
    assert.equal(kind(file('k-big.yaml', pod('big')), 10), 'too-large');
    assert.equal(kind(file('k-bin.yaml', Uint8Array.from([0x61, 0, 0]))), 'binary');
    assert.equal(kind(file('k-latin1.yaml', Uint8Array.from([0x61, 0xe9]))), 'encoding');
    assert.equal(kind(join(dir, 'k-absent.yaml')), 'unreadable');
    mkdirSync(join(dir, 'k-folder.yaml'), { recursive: true });
    assert.equal(kind(join(dir, 'k-folder.yaml')), 'not-a-file');
  });

  it('refuses a FIFO named like a manifest at once instead of waiting for a writer', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(dir, 'pipe.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    // In a child process: a read that blocks would hang this one for good.
    const files = join(__dirname, '..', '..', 'server', 'src', 'host', 'files.ts');
    const script = `const { readSourceFile } = require(${JSON.stringify(files)}); process.stdout.write(JSON.stringify(readSourceFile(${JSON.stringify(fifo)}, 1e6)));`;
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.error, undefined, 'the read returned');
    assert.deepEqual(JSON.parse(r.stdout), { ok: false, kind: 'not-a-file', reason: 'not a regular file (a named pipe); skipped' });
  });

  it('an unreadable file is one error; the other files of the workspace are still linted', () => {
    const ws = new Workspace();
    const paths = [file('a.yaml', pod('a')), file('bin.yaml', Uint8Array.from([0, 1, 2, 3])), file('b.yaml', pod('b'))];
    for (const p of paths) {
      const r = readSourceFile(p, LIMIT);
      if (r.ok) ws.set(pathToFileURL(p).toString(), r.text); else ws.setUnreadable(pathToFileURL(p).toString(), r.reason);
    }
    const config = new EffectiveConfig({}, RULES);
    const results = paths.map((p) => lintFile(ws, pathToFileURL(p).toString(), config, RULES));
    assert.deepEqual(results.map((r) => r.findings.length), [1, 0, 1]);
    assert.deepEqual(results.map((r) => r.errors.map((e) => e.message)), [[], ['binary file (contains NUL bytes); skipped'], []]);
  });

  it('walking a tree: lintable files only, skipped folders left out, symlink loops bounded', () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'k8s', 'sub'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'k8s', 'a.yaml'), pod('a'));
    writeFileSync(join(root, 'k8s', 'sub', 'b.yml'), pod('b'));
    writeFileSync(join(root, 'k8s', 'c.json'), '{}');
    writeFileSync(join(root, 'k8s', 'notes.md'), '# notes');
    writeFileSync(join(root, 'node_modules', 'x', 'd.yaml'), pod('d'));
    writeFileSync(join(root, '.git', 'e.yaml'), pod('e'));
    symlinkSync(join(root, 'k8s'), join(root, 'k8s', 'sub', 'loop'), 'dir');
    const walked = walkFiles([root]);
    const rel = walked.files.map((f) => f.slice(root.length + 1)).sort();
    assert.deepEqual(rel, ['k8s/a.yaml', 'k8s/c.json', 'k8s/sub/b.yml']);
    assert.equal(walked.problems.length, 1);
    assert.match(walked.problems[0].message, /symlink loop/);
  });

  it('walking takes an explicitly named file whatever its extension, and reports missing paths', () => {
    const txt = file('manifest.txt', pod('t'));
    const walked = walkFiles([txt, join(dir, 'nope')]);
    assert.deepEqual(walked.files, [txt]);
    assert.deepEqual(walked.problems.map((p) => p.message), ['cannot read: ENOENT']);
  });
});
