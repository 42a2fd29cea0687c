// LineIndex: offsets ↔ zero-based line/UTF-16 character, with LF, CRLF, lone CR and astral characters.
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine';

/** Reference: positions by walking the text one code unit at a time. */
function naivePosition(text: string, offset: number) {
  let line = 0, col = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) { line++; col = 0; } else if (c === '\r') col++; else col++;
  }
  // A position between \r and \n belongs to the line that \r\n ends.
  return { line, character: col };
}

describe('LineIndex', () => {
  it('maps every offset of an LF text to its line and character and back', () => {
    const text = 'a: 1\nbb: 22\n\nccc: 333';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 4);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.position(o);
      assert.deepEqual(p, naivePosition(text, o), `offset ${o}`);
      assert.equal(idx.offset(p), o, `round trip of offset ${o}`);
    }
  });

  it('treats CRLF as one line break and never places a position between \\r and \\n', () => {
    const text = 'a: 1\r\nbb: 2\r\n';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 3);
    assert.deepEqual(idx.position(6), { line: 1, character: 0 });
    assert.equal(idx.lineText(0), 'a: 1');
    assert.equal(idx.lineEnd(0), 4);
    assert.equal(idx.lineText(1), 'bb: 2');
    // Past the end of a line, offset() clamps to the line end (before the break).
    assert.equal(idx.offset({ line: 0, character: 99 }), 4);
  });

  it('treats a lone CR as a line break', () => {
    const idx = new LineIndex('a\rb\rc');
    assert.equal(idx.lineCount, 3);
    assert.deepEqual(idx.position(4), { line: 2, character: 0 });
    assert.equal(idx.lineText(1), 'b');
  });

  it('counts characters in UTF-16 code units: an astral character is two', () => {
    const text = 'name: "😀x"\nnext: é';
    const idx = new LineIndex(text);
    const x = text.indexOf('x');
    assert.deepEqual(idx.position(x), { line: 0, character: 9 }, '7 + 2 code units for the emoji');
    assert.deepEqual(idx.position(text.indexOf('é')), { line: 1, character: 6 });
    assert.equal(idx.offset({ line: 0, character: 9 }), x);
  });

  it('clamps out-of-range offsets and positions', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepEqual(idx.position(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.position(999), { line: 1, character: 2 });
    assert.equal(idx.offset({ line: 7, character: 0 }), 5);
    assert.deepEqual(idx.range(1, 4), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
  });

  it('handles the empty text and a trailing line break', () => {
    const empty = new LineIndex('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.position(0), { line: 0, character: 0 });
    const trailing = new LineIndex('a\n');
    assert.equal(trailing.lineCount, 2);
    assert.deepEqual(trailing.position(2), { line: 1, character: 0 });
    assert.equal(trailing.lineText(1), '');
  });
});
