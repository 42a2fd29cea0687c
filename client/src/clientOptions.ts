// What the language client sends to the server: documents, settings, pull options, and a middleware for rule docs.
import type { LanguageClientOptions, Middleware } from 'vscode-languageclient/node';
import type { LintelSettings } from '../../server/src/lsp/protocol';

export const DOCUMENT_SELECTOR = ['yaml', 'json', 'terraform'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

export function clientOptions(settings: LintelSettings, middleware: Middleware): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'lintel' },
    initializationOptions: { enable: settings.enable, run: settings.run },
    diagnosticPullOptions: { onChange: settings.run === 'onType', onSave: true },
    outputChannelName: 'Lintel',
    middleware,
  };
}
