// Lintel: Scan Workspace — asks the server to lint every file, with a cancellable progress notification.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { Methods, type ScanWorkspaceParams, type ScanWorkspaceResult } from '../../../server/src/lsp/protocol';

let scanCounter = 0;

export function summary(r: ScanWorkspaceResult): string {
  const { errors, warnings, infos, files, filesWithProblems } = r.totals;
  if (!filesWithProblems) return `Lintel: no problems in ${files} file${files === 1 ? '' : 's'}.`;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} info`);
  return `Lintel: ${parts.join(', ')} in ${filesWithProblems} of ${files} files.`;
}

export async function scanWorkspace(client: LanguageClient): Promise<ScanWorkspaceResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Lintel: scanning workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `lintel-scan-${process.pid}-${++scanCounter}`;
      let reported = 0;
      const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const pct = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, pct - reported) });
        reported = Math.max(reported, pct);
      });
      try {
        const params: ScanWorkspaceParams = { workDoneToken };
        return await client.sendRequest<ScanWorkspaceResult | null>(Methods.scanWorkspace, params, token);
      } finally {
        sub.dispose();
      }
    },
  );
  if (!result) return undefined;
  if (result.cancelled) { void vscode.window.showInformationMessage('Lintel: scan cancelled.'); return result; }
  const choice = await vscode.window.showInformationMessage(summary(result), ...(result.totals.filesWithProblems ? ['Show Problems'] : []));
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}
