// Entry point of the `lintel` command: runs the CLI with the real process and sets the exit code.
import { processIo } from './io';
import { runCli } from './run';

runCli(process.argv.slice(2), processIo()).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`lintel: internal error: ${(e as Error)?.stack ?? String(e)}\n`); process.exitCode = 2; },
);
