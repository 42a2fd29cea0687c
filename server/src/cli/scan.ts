// `lintel scan`: load every file into one workspace, lint, format the report and decide the exit code.
import { ALL_RULES } from '../../../rules';
import { lintFile, type LintResult } from '../engine';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../engine/format';
import { parseArgs, stringFlag, type FlagSpec } from './args';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS, scanExitCode, type FailOn } from './exitCode';
import { SCAN_HELP } from './help';
import type { CliIo } from './io';
import { loadWorkspace } from './load';
import { writeReport } from './output';
import { displayPathFor, folderUri } from './paths';
import { lintelVersion } from './version';

const FLAGS: readonly FlagSpec[] = [
  { name: 'format', short: 'f', value: true, choices: REPORT_FORMATS },
  { name: 'output', short: 'o', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'fail-on', value: true, choices: FAIL_ON_LEVELS },
  { name: 'no-color' },
  { name: 'help', short: 'h' },
];

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) { io.stdout(SCAN_HELP); return 0; }
  const format = (stringFlag(args, 'format') ?? 'text') as ReportFormat;
  const failOn = (stringFlag(args, 'fail-on') ?? DEFAULT_FAIL_ON) as FailOn;
  const output = stringFlag(args, 'output');
  const paths = args.positionals.length ? args.positionals : ['.'];
  const stdinText = paths.includes('-') ? await io.readStdin() : undefined;

  const loaded = loadWorkspace(paths, { cwd: io.cwd, rules: ALL_RULES, configPath: stringFlag(args, 'config'), stdinText });
  const results: LintResult[] = loaded.targets.map((t) => lintFile(loaded.ws, t.uri, t.config, ALL_RULES));
  const color = !output && io.stdoutIsTTY && !args.flags.has('no-color') && !io.env.NO_COLOR;
  const report = formatReport(format, {
    version: lintelVersion(),
    results,
    errors: loaded.errors,
    rules: ALL_RULES,
    displayPath: displayPathFor(io.cwd),
    rootUri: folderUri(io.cwd),
    color,
  });
  writeReport(io, report, output);
  const code = scanExitCode(results, loaded.errors, failOn);
  if (output) {
    const findings = results.reduce((n, r) => n + r.findings.length, 0);
    io.stderr(`Wrote ${format} report to ${output}: ${findings} finding${findings === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}.\n`);
  }
  return code;
}
