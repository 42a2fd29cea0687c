// Reads a YAML file's layout habits (indent step, indented or flush sequences, line break) so inserted text matches.
export interface YamlLayout { step: number; indentSeq: boolean; eol: string }

const KEY_LINE = /^(\s*)(?:-\s+)?[^#\s][^#]*:\s*(#.*)?$/;

export function detectLayout(text: string): YamlLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let step = 0;
  let indentSeq: boolean | undefined;
  for (let i = 0; i < lines.length - 1 && (step === 0 || indentSeq === undefined); i++) {
    const m = KEY_LINE.exec(lines[i]);
    if (!m) continue;
    const keyCol = lines[i].search(/[^\s-]/) >= 0 ? columnOfKey(lines[i]) : m[1].length;
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    if (j >= lines.length) break;
    const next = lines[j];
    const nextIndent = next.length - next.trimStart().length;
    if (next.trimStart().startsWith('- ') || next.trim() === '-') {
      if (indentSeq === undefined) indentSeq = nextIndent > keyCol;
    } else if (step === 0 && nextIndent > keyCol) {
      step = nextIndent - keyCol;
    }
  }
  return { step: step > 0 && step <= 8 ? step : 2, indentSeq: indentSeq ?? true, eol };
}

/** Column where the key of a `key:` line starts, skipping any `- ` sequence indicators. */
function columnOfKey(line: string): number {
  const m = /^(\s*(?:-\s+)*)/.exec(line);
  return m ? m[1].length : 0;
}
