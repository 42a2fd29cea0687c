// Whether strings that fixes copy from a manifest into new text stay strings for Kubernetes' YAML 1.1 reader.
import { yamlScalar } from '../../../server/src/engine/api';

/** Plain words Kubernetes' YAML reader (YAML 1.1) takes for booleans. */
const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
/** Numbers in YAML 1.1 once underscores are dropped: binary, hex, octal, decimal, float. */
const YAML11_NUMBER = /^[-+]?(?:0b[01]+|0x[0-9a-f]+|0o?[0-7]+|(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)$/i;

/**
 * True when the engine's renderer writes `text` plain although Kubernetes reads that plain scalar as
 * a boolean or a number (`yes`, `on`, `n`, `0b101`, `1_000`): written by a fix, a label value or a
 * name would change type and the API server would reject the object. The renderer follows YAML 1.2,
 * which reads those as strings; once it quotes them, this is never true.
 */
export function misreadByKubernetes(text: string): boolean {
  if (yamlScalar(text) !== text) return false;
  return YAML11_BOOLEANS.has(text) || YAML11_NUMBER.test(text.replace(/_/g, ''));
}

/** True when every string can be written by a fix and read back by Kubernetes as the same string. */
export function allWritable(texts: Iterable<string>): boolean {
  for (const t of texts) if (misreadByKubernetes(t)) return false;
  return true;
}
