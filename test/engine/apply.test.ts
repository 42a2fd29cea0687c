// Text edits: application order (LSP semantics), overlap selection for fix-all, minimal diffs.
import assert from 'node:assert/strict';
import { applyEdits, minimalEdit, selectNonOverlapping } from '../../server/src/engine';

describe('applyEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    const text = 'abcdef';
    assert.equal(applyEdits(text, [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'AA' }, { start: 2, end: 2, newText: '+' }]), 'AAb+cdEf');
  });

  it('keeps inserts at the same offset in array order, as LSP clients do', () => {
    const text = 'x\n';
    assert.equal(applyEdits(text, [{ start: 1, end: 1, newText: '[1]' }, { start: 1, end: 1, newText: '[2]' }, { start: 1, end: 1, newText: '[3]' }]), 'x[1][2][3]\n');
  });

  it('returns the text unchanged for no edits', () => {
    assert.equal(applyEdits('abc', []), 'abc');
  });
});

describe('selectNonOverlapping', () => {
  const e = (start: number, end: number, newText = 'x') => ({ start, end, newText });

  it('keeps the first of two overlapping fixes and every fix that does not overlap', () => {
    const chosen = selectNonOverlapping([[e(0, 5)], [e(3, 8)], [e(8, 9)], [e(5, 5)]]);
    assert.deepEqual(chosen, [[e(0, 5)], [e(8, 9)], [e(5, 5)]]);
  });

  it('drops a whole fix when one of its edits overlaps', () => {
    const chosen = selectNonOverlapping([[e(10, 12)], [e(0, 1), e(11, 11)]]);
    assert.deepEqual(chosen, [[e(10, 12)]]);
  });

  it('treats two inserts at the same offset as a conflict (their order is unknown)', () => {
    assert.deepEqual(selectNonOverlapping([[e(4, 4, 'a')], [e(4, 4, 'b')]]), [[e(4, 4, 'a')]]);
  });

  it('lets an insert touch the ends of a replaced range but not its inside', () => {
    assert.equal(selectNonOverlapping([[e(2, 6)], [e(2, 2)], [e(6, 6)], [e(4, 4)]]).length, 3);
  });
});

describe('minimalEdit', () => {
  it('reduces a before/after pair to one edit between the common prefix and suffix', () => {
    const before = 'a: 1\nb: 2\nc: 3\n';
    const after = 'a: 1\nb: 20\nx: y\nc: 3\n';
    const edit = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [edit]), after);
    assert.ok(edit.end - edit.start <= 2, 'only the changed characters are replaced');
  });

  it('is undefined when nothing changed', () => {
    assert.equal(minimalEdit('same', 'same'), undefined);
  });

  it('handles pure inserts, pure deletions and astral characters', () => {
    for (const [a, b] of [['ab', 'a😀b'], ['a😀b', 'ab'], ['', 'x'], ['x', ''], ['😀😀', '😀😁']]) {
      assert.equal(applyEdits(a, [minimalEdit(a, b)!]), b, `${a} → ${b}`);
    }
  });
});
