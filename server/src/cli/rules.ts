// `lintel rules`: the rule catalogue as a Markdown table or as JSON.
import { ALL_RULES } from '../../../rules';
import { catalogueEntries, catalogueTable } from '../engine/docs/catalogue';
import { parseArgs, stringFlag, UsageError, type FlagSpec } from './args';
import { RULES_HELP } from './help';
import type { CliIo } from './io';

const FLAGS: readonly FlagSpec[] = [
  { name: 'format', short: 'f', value: true, choices: ['json', 'markdown'] },
  { name: 'help', short: 'h' },
];

export async function rulesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.has('help')) { io.stdout(RULES_HELP); return 0; }
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  if (stringFlag(args, 'format') === 'json') {
    io.stdout(`${JSON.stringify(catalogueEntries(ALL_RULES), null, 2)}\n`);
  } else {
    io.stdout(`# Lintel rules\n\n${catalogueTable(ALL_RULES)}\n`);
  }
  return 0;
}
