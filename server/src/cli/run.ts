// Dispatches `lintel <command>` and turns usage and internal errors into exit code 2 with a clear message.
import { CliError, UsageError } from './errors';
import { EXIT_USAGE } from './exitCode';
import { fixCommand } from './fix';
import { MAIN_HELP } from './help';
import type { CliIo } from './io';
import { rulesCommand } from './rules';
import { scanCommand } from './scan';
import { lintelVersion } from './version';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  scan: scanCommand,
  fix: fixCommand,
  rules: rulesCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--help' || first === '-h' || first === 'help') { io.stdout(MAIN_HELP); return 0; }
    if (first === '--version' || first === '-v' || first === 'version') { io.stdout(`${lintelVersion()}\n`); return 0; }
    if (first === undefined) { io.stderr(MAIN_HELP); return EXIT_USAGE; }
    const command = COMMANDS[first];
    if (!command) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`lintel: ${e.message}\nRun "lintel --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`lintel: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`lintel: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}
