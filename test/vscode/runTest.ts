// Runs the VS Code integration suite: bundles it, prepares a workspace, downloads VS Code and starts it with the extension.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const suite = join(ROOT, 'out', 'vscode-test', 'suite.js');
  await esbuild.build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: true,
    external: ['vscode', 'mocha'], outfile: suite, logLevel: 'warning',
  });
  const workspace = mkdtempSync(join(tmpdir(), 'lintel-vscode-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'lsp', 'deployment.yaml'), join(workspace, 'deployment.yaml'));
  writeFileSync(join(workspace, '.lintel.yaml'), 'extends: recommended\n');
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`VS Code tests failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
