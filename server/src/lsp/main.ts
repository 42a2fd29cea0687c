// Entry point of lintel-language-server: `--stdio` for any editor, node IPC when started by the VS Code client.
import { createConnection } from 'vscode-languageserver/node';
import { ALL_RULES } from '../../../rules';
import { lintelVersion } from '../cli/version';
import { defaultDeps } from './deps';
import { createServer } from './server';

const HELP = `Usage: lintel-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]

Lintel language server: infrastructure best-practice diagnostics and quick-fixes over the
Language Server Protocol.

  --stdio           talk LSP over standard input and output (Neovim, Helix, Emacs, ...)
  --node-ipc        talk over the node IPC channel (used by the VS Code extension)
  --socket=<port>   connect to a socket on this port
  --pipe=<name>     connect to a named pipe
  --version         print the version and exit
  --help            print this help and exit
`;

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

function main(argv: string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) { process.stdout.write(`${lintelVersion()}\n`); return; }
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(HELP); return; }
  if (!argv.some((a) => TRANSPORTS.test(a))) {
    process.stderr.write(`lintel-language-server: choose a transport\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection();
  createServer(connection, defaultDeps(ALL_RULES, lintelVersion()));
  // Last line of defence: a stray exception is logged and the server keeps serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught exception: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));
  connection.listen();
}

main(process.argv.slice(2));
