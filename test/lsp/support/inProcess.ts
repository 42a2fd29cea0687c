// Runs the server in the test process on in-memory streams, with injected parts (files, limits), for a client to drive.
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { ALL_RULES } from '../../../rules';
import { defaultDeps, type ServerDeps } from '../../../server/src/lsp/deps';
import { createServer, type LintelServer } from '../../../server/src/lsp/server';
import { LspClient, type StartOptions } from './lspClient';

export interface InProcess { client: LspClient; server: LintelServer; dispose(): Promise<void> }

export async function startInProcess(options: StartOptions, overrides: Partial<ServerDeps> = {}): Promise<InProcess> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader/writer objects (not raw streams): the library only ties process exit to raw streams.
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = createServer(connection, defaultDeps(ALL_RULES, '0.0.0-test', overrides));
  connection.listen();
  const client = await LspClient.connect(toClient, toServer, options);
  return {
    client,
    server,
    async dispose() {
      await client.stop().catch(() => undefined);
      connection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
