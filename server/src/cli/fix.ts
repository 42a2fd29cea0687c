// `lintel fix`: applies safe fixes file by file (the workspace follows each fixed file), or prints a diff with --dry-run.
import { readFileSync, writeFileSync } from 'node:fs';
import { ALL_RULES } from '../../../rules';
import { fixAll } from '../engine';
import { parseArgs, stringFlag, UsageError, type FlagSpec } from './args';
import { unifiedDiff } from './diff';
import { EXIT_OK, EXIT_USAGE } from './exitCode';
import { FIX_HELP } from './help';
import type { CliIo } from './io';
import { loadWorkspace } from './load';
import { displayPathFor } from './paths';

const FLAGS: readonly FlagSpec[] = [
  { name: 'dry-run' },
  { name: 'config', short: 'c', value: true },
  { name: 'help', short: 'h' },
];

export async function fixCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) { io.stdout(FIX_HELP); return 0; }
  const dryRun = args.flags.has('dry-run');
  const paths = args.positionals.length ? args.positionals : ['.'];
  if (paths.includes('-')) throw new UsageError('lintel fix works on files; to check standard input use lintel scan -');

  const loaded = loadWorkspace(paths, { cwd: io.cwd, rules: ALL_RULES, configPath: stringFlag(args, 'config') });
  const show = displayPathFor(io.cwd);
  const say = dryRun ? io.stderr : io.stdout;
  let applied = 0, files = 0, remaining = 0, failed = 0;

  for (const e of loaded.errors) io.stderr(`${show(e.uri)}: ${e.severity}: ${e.message}\n`);
  for (const t of loaded.targets) {
    const file = loaded.ws.get(t.uri);
    if (!file || !t.path) continue;
    for (const e of file.errors.filter((x) => x.severity === 'error')) io.stderr(`${show(t.uri)}: error: ${e.message}\n`);
    if (!file.yaml || file.objects.length === 0) continue;
    const result = fixAll(loaded.ws, t.uri, t.config, ALL_RULES);
    remaining += result.remaining.length;
    if (result.text === file.text) continue;
    const path = show(t.uri);
    if (dryRun) {
      io.stdout(unifiedDiff(file.text, result.text, `a/${path}`, `b/${path}`));
    } else {
      try {
        writeFileSync(t.path, withOriginalBom(t.path, result.text));
      } catch (e) {
        io.stderr(`${path}: could not write the fixed file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        failed++;
        continue;
      }
      say(`${path}: fixed ${result.applied} problem${result.applied === 1 ? '' : 's'}\n`);
    }
    // Later files are fixed against this file's new text (cross-file rules).
    loaded.ws.set(t.uri, result.text);
    applied += result.applied;
    files++;
  }

  const verb = dryRun ? 'Would fix' : 'Fixed';
  const tail = remaining ? ` ${remaining} finding${remaining === 1 ? '' : 's'} without a safe fix remain; run lintel scan to see them.` : '';
  say(`${verb} ${applied} problem${applied === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.${tail}\n`);
  return failed ? EXIT_USAGE : EXIT_OK;
}

/** The reader drops a UTF-8 byte order mark; a fixed file keeps the one it had. */
function withOriginalBom(path: string, text: string): string {
  try {
    const head = readFileSync(path).subarray(0, 3);
    return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? `\ufeff${text}` : text;
  } catch {
    return text;
  }
}
