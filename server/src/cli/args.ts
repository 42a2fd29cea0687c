// Command-line parsing: long and short flags, `--flag=value`, `--` and `-` (standard input); anything unknown is a usage error.

import { UsageError } from './errors';

export { UsageError };

export interface FlagSpec {
  name: string;
  short?: string;
  /** Takes a value (`--format json`); otherwise a boolean switch. */
  value?: boolean;
  choices?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedArgs = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { out.positionals.push(...argv.slice(i + 1)); break; }
    if (arg === '-' || !arg.startsWith('-')) { out.positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = key.startsWith('--') ? byName.get(key.slice(2)) : key.length === 2 ? byShort.get(key.slice(1)) : undefined;
    if (!spec) throw new UsageError(`unknown option ${key}`);
    if (!spec.value) {
      if (eq > 0) throw new UsageError(`option --${spec.name} takes no value`);
      out.flags.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`option --${spec.name} needs a value`);
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`invalid value "${value}" for --${spec.name} (expected ${spec.choices.join(', ')})`);
    }
    if (value === '') throw new UsageError(`option --${spec.name} needs a value`);
    out.flags.set(spec.name, value);
  }
  return out;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
