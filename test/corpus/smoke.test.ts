// Corpus smoke test: every real-world manifest of the shared corpus is linted with every rule; nothing throws or crashes, ranges are exact.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../../rules';
import { applyEdits, EffectiveConfig, fixAll, LineIndex, lintFile, Workspace, type LintResult } from '../../server/src/engine';
import { readSourceFile, walkFiles } from '../../server/src/host/files';

// The shared corpus sits beside the repository; LINTEL_CORPUS_DIR points elsewhere (e.g. for a clone in another folder).
const CORPUS = process.env.LINTEL_CORPUS_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'kubernetes');
/** The corpus notes name these four files as kept on purpose for their duplicate mapping keys. */
const DUPLICATE_KEY_FILES = [
  'kubernetes__examples/_archived/openshift-origin/etcd-controller.yaml',
  'kubernetes__examples/_archived/openshift-origin/etcd-discovery-controller.yaml',
  'kubernetes__examples/_archived/openshift-origin/openshift-controller.yaml',
  'kubernetes__examples/_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml',
];
const MAX_BYTES = 5 * 1024 * 1024;

/** Offsets where each document of a stream starts (`---` lines). */
function documentStarts(text: string): number[] {
  const out = [0];
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (m.index! > 0) out.push(m.index!);
  return out;
}

function syntaxErrors(text: string): number {
  return parseAllDocuments(text, { uniqueKeys: false }).reduce((n, d) => n + d.errors.length, 0);
}

/** The corpus's YAML and JSON files, in a stable order (the hosts' own walk). */
function corpusFiles(dir: string): string[] {
  return walkFiles([dir]).files;
}

describe('corpus smoke test (shared/corpus/kubernetes, extends: all)', function () {
  if (!existsSync(CORPUS)) {
    it.skip(`skipped: the corpus folder ${CORPUS} is absent`);
    return;
  }
  const files = corpusFiles(CORPUS);
  const rel = (p: string) => relative(CORPUS, p).split(sep).join('/');
  const results = new Map<string, { text: string; result: LintResult; objects: number; template: boolean }>();
  const workspace = new Workspace();
  const config = new EffectiveConfig({ extends: 'all' }, ALL_RULES);

  before(function () {
    this.timeout(300_000);
    // The whole corpus is one workspace, as in an editor: cross-file rules see every object.
    const ws = workspace;
    const texts = new Map<string, string>();
    for (const f of files) {
      const read = readSourceFile(f, MAX_BYTES);
      assert.ok(read.ok, `${rel(f)} is readable: ${!read.ok ? read.reason : ''}`);
      texts.set(f, read.text);
      ws.set(pathToFileURL(f).toString(), read.text);
    }
    for (const f of files) {
      const uri = pathToFileURL(f).toString();
      const analyzed = ws.get(uri)!;
      results.set(rel(f), { text: texts.get(f)!, result: lintFile(ws, uri, config, ALL_RULES), objects: analyzed.objects.length, template: !!analyzed.yaml?.template });
    }
  });

  it('has the corpus it expects (hundreds of files, the Helm folder, the duplicate-key files)', () => {
    assert.ok(files.length >= 300, `${files.length} files`);
    assert.ok(files.some((f) => rel(f).startsWith('helm/')));
    for (const d of DUPLICATE_KEY_FILES) assert.ok(results.has(d), `${d} is in the corpus`);
  });

  it('no rule crashes on any file', () => {
    const crashes = [...results].flatMap(([f, { result }]) => result.errors.filter((e) => e.message.startsWith('rule ')).map((e) => `${f}: ${e.message}`));
    assert.deepEqual(crashes, []);
  });

  it('no file errors other than the known duplicate keys', () => {
    const unexpected = [...results].flatMap(([f, { result }]) => (DUPLICATE_KEY_FILES.includes(f) ? [] : result.errors.map((e) => `${f}: [${e.severity}] ${e.message}`)));
    assert.deepEqual(unexpected, []);
  });

  it('the four duplicate-key files give duplicate-key warnings only, and are still linted', () => {
    for (const f of DUPLICATE_KEY_FILES) {
      const { result } = results.get(f)!;
      assert.ok(result.errors.length > 0, `${f} has a duplicate-key warning`);
      for (const e of result.errors) {
        assert.equal(e.severity, 'warning', `${f}: ${e.message}`);
        assert.match(e.message, /Map keys must be unique/, f);
        assert.ok(e.range, `${f}: the warning has a range`);
      }
    }
    assert.ok(DUPLICATE_KEY_FILES.some((f) => results.get(f)!.result.findings.length > 0), 'findings are still reported in them');
  });

  it('the Helm folder yields no findings and no errors', () => {
    const helm = [...results].filter(([f]) => f.startsWith('helm/'));
    assert.ok(helm.length >= 10);
    for (const [f, { result }] of helm) assert.deepEqual({ f, findings: result.findings.length, errors: result.errors }, { f, findings: 0, errors: [] });
  });

  it('reads every manifest outside the Helm folder as Kubernetes objects (none is taken for a template)', () => {
    const missed = [...results].filter(([f, r]) => !f.startsWith('helm/') && /^apiVersion:/m.test(r.text) && /^kind:/m.test(r.text) && (r.objects === 0 || r.template)).map(([f]) => f);
    assert.deepEqual(missed, []);
    const helm = [...results].filter(([f, r]) => f.startsWith('helm/') && f.includes('/templates/'));
    assert.ok(helm.length > 0 && helm.every(([, r]) => r.template), 'every Helm template is recognised as one');
  });

  it('finds something in the manifests (the suite is not vacuous)', () => {
    const total = [...results.values()].reduce((n, r) => n + r.result.findings.length, 0);
    assert.ok(total > 500, `${total} findings`);
    const rules = new Set([...results.values()].flatMap((r) => r.result.findings.map((f) => f.ruleId)));
    assert.ok(rules.size >= Math.min(10, ALL_RULES.length / 2), `${rules.size} rules fired`);
  });

  it('every fix, applied alone, leaves its document parsable', () => {
    const broken: string[] = [];
    const before = new Map<string, number>();
    let checked = 0;
    for (const [f, { text, result }] of results) {
      if (!result.findings.some((x) => x.fixes.length)) continue;
      const starts = documentStarts(text);
      for (const x of result.findings) for (const fix of x.fixes) {
        // The slice from the start of the finding's document to the start of the next one.
        let i = starts.length - 1;
        while (i > 0 && starts[i] > x.start) i--;
        const from = starts[i], to = starts[i + 1] ?? text.length;
        const where = `${f}:${x.range.start.line + 1} ${x.ruleId} "${fix.title}"`;
        if (fix.edits.some((e) => e.start < from || e.end > to)) { broken.push(`${where}: edits leave the document`); continue; }
        const slice = text.slice(from, to);
        const after = applyEdits(slice, fix.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })));
        const errorsBefore = before.get(`${f}@${from}`) ?? syntaxErrors(slice);
        before.set(`${f}@${from}`, errorsBefore);
        const errorsAfter = syntaxErrors(after);
        if (errorsAfter > errorsBefore) broken.push(`${where}: ${errorsAfter - errorsBefore} new YAML error(s)`);
        checked++;
      }
    }
    assert.ok(checked > 0, 'some fixes were checked');
    assert.deepEqual(broken.slice(0, 30), [], `${broken.length} of ${checked} fixes break their document`);
  });

  it('fix-all (safe fixes, then all fixes) converges on every file, keeps it parsable and leaves no applicable fix', function () {
    this.timeout(180_000);
    const problems: string[] = [];
    let fixedFiles = 0;
    for (const [f, { text }] of results) {
      const uri = pathToFileURL(join(CORPUS, f)).toString();
      for (const safeOnly of [true, false]) {
        const r = fixAll(workspace, uri, config, ALL_RULES, { safeOnly });
        if (r.applied === 0) continue;
        fixedFiles++;
        if (syntaxErrors(r.text) > syntaxErrors(text)) problems.push(`${f}: fix-all (${safeOnly ? 'safe' : 'all'}) broke the file`);
        const left = r.remaining.filter((x) => x.fixes.some((fx) => fx.safe || !safeOnly)).map((x) => x.ruleId);
        if (left.length) problems.push(`${f}: fix-all (${safeOnly ? 'safe' : 'all'}) left fixable findings after ${r.passes} passes: ${[...new Set(left)].join(', ')}`);
      }
      assert.equal(workspace.get(uri)!.text, text, 'the workspace is restored');
    }
    assert.ok(fixedFiles > 50, `${fixedFiles} fix-all runs changed a file`);
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  });

  it('every finding\'s range is valid: inside the file, start ≤ end, offsets equal the line/character range', () => {
    const bad: string[] = [];
    for (const [f, { text, result }] of results) {
      const idx = new LineIndex(text);
      for (const x of result.findings) {
        const where = `${f}:${x.range.start.line + 1} ${x.ruleId}`;
        if (!(x.start >= 0 && x.start <= x.end && x.end <= text.length)) bad.push(`${where}: offsets ${x.start}-${x.end} of ${text.length}`);
        else if (JSON.stringify(x.range) !== JSON.stringify(idx.range(x.start, x.end))) bad.push(`${where}: range ${JSON.stringify(x.range)} ≠ offsets`);
        else if (idx.offset(x.range.start) !== x.start || idx.offset(x.range.end) !== x.end) bad.push(`${where}: line/character do not map back to the offsets`);
        else if (x.end > x.start && text.slice(x.start, x.end).trim() === '') bad.push(`${where}: covers only blanks`);
        for (const fix of x.fixes) for (const e of fix.edits) {
          if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) bad.push(`${where}: fix "${fix.title}" edit ${e.start}-${e.end} outside the file`);
        }
      }
      for (const e of result.errors) {
        if (e.range && (idx.offset(e.range.start) > idx.offset(e.range.end))) bad.push(`${f}: error range reversed`);
      }
    }
    assert.deepEqual(bad.slice(0, 30), [], `${bad.length} bad ranges`);
  });
});
