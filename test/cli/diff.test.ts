// The unified diff used by lintel fix --dry-run: hunks, context, line counts, missing final newline; checked with git apply.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unifiedDiff } from '../../server/src/cli/diff';
import { cleanup, tempDir } from './cli';

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`) => Array.from({ length: n }, (_, i) => `${f(i + 1)}\n`).join('');

function appliesCleanly(before: string, after: string): void {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'f.txt'), before);
    writeFileSync(join(dir, 'd.diff'), unifiedDiff(before, after, 'a/f.txt', 'b/f.txt'));
    const r = spawnSync('git', ['apply', 'd.diff'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), after);
  } finally {
    cleanup(dir);
  }
}

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'a/x', 'b/x'), '');
  });

  it('shows one change with three lines of context', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'line five\n');
    assert.equal(unifiedDiff(before, after, 'a/x', 'b/x'), [
      '--- a/x', '+++ b/x', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8', '',
    ].join('\n'));
  });

  it('merges close changes into one hunk and keeps distant ones apart', () => {
    const before = lines(40);
    const close = before.replace('line 5\n', 'x\n').replace('line 10\n', 'y\n');
    assert.equal(unifiedDiff(before, close, 'a', 'b').match(/^@@/gm)?.length, 1);
    const far = before.replace('line 5\n', 'x\n').replace('line 30\n', 'y\n');
    const d = unifiedDiff(before, far, 'a', 'b');
    assert.deepEqual(d.match(/^@@.*@@$/gm), ['@@ -2,7 +2,7 @@', '@@ -27,7 +27,7 @@']);
  });

  it('counts inserted and deleted lines in the hunk header', () => {
    const before = lines(6);
    const inserted = before.replace('line 3\n', 'line 3\nnew a\nnew b\n');
    assert.match(unifiedDiff(before, inserted, 'a', 'b'), /^@@ -1,6 \+1,8 @@$/m);
    const deleted = before.replace('line 3\n', '');
    assert.match(unifiedDiff(before, deleted, 'a', 'b'), /^@@ -1,6 \+1,5 @@$/m);
  });

  it('marks a missing newline at the end of file', () => {
    const d = unifiedDiff('a\nb', 'a\nc', 'a/x', 'b/x');
    assert.match(d, /^-b\n\\ No newline at end of file\n\+c\n\\ No newline at end of file\n$/m);
  });

  const cases: Array<[string, string, string]> = [
    ['a change at the start', lines(8), lines(8).replace('line 1\n', 'first\n')],
    ['a change at the end', lines(8), lines(8).replace('line 8\n', 'last\n')],
    ['an insertion into an empty file', '', 'a\nb\n'],
    ['deleting everything', lines(3), ''],
    ['many scattered edits', lines(200), lines(200, (i) => (i % 17 === 0 ? `changed ${i}` : `line ${i}`))],
    ['CRLF line endings', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['repeated lines', 'x\nx\nx\ny\nx\n', 'x\ny\nx\nx\nx\n'],
    ['a new final newline', 'a\nb', 'a\nb\n'],
  ];
  for (const [what, before, after] of cases) {
    it(`applies with git apply: ${what}`, () => appliesCleanly(before, after));
  }
});
