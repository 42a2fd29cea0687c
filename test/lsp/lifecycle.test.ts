// Process lifecycle of the built server: command-line flags, initialize, shutdown and exit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LspClient, SERVER } from './support/lspClient';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('lsp: lifecycle', () => {
  it('prints its version and help, and refuses to start without a transport', () => {
    assert.equal(spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' }).stdout.trim(), VERSION);
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /choose a transport/);
  });

  it('reads its version through the one lookup the CLI uses (no second reader of package.json)', () => {
    const src = join(__dirname, '..', '..', 'server', 'src');
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && readFileSync(p, 'utf8').includes('package.json')) readers.push(relative(src, p).split(sep).join('/'));
      }
    };
    walk(src);
    assert.deepEqual(readers, ['cli/version.ts']);
    const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli', 'lintel.js'), '--version'], { encoding: 'utf8' });
    assert.equal(cli.stdout.trim(), VERSION);
  });

  it('initializes with its name, version and capabilities, then shuts down and exits with 0', async () => {
    const client = await LspClient.start({ pull: true });
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(serverInfo, { name: 'lintel-language-server', version: VERSION });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.lintel'], resolveProvider: true });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['lintel.fixAllSafe', 'lintel.showRuleDocs'] });
    assert.equal(await client.stop(), 0);
    assert.equal(client.stderr, '');
  });

  it('exits with 1 on exit without shutdown, as the protocol asks', async () => {
    const client = await LspClient.start({ pull: false });
    const exited = new Promise<number | null>((resolve) => client.child!.on('exit', resolve));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 1);
  });

  it('serves over node IPC, the transport of the VS Code client', async () => {
    const client = await LspClient.start({ pull: true }, 'ipc');
    const uri = 'untitled:ipc-check';
    client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext: {privileged: true}\n');
    const report = await client.pull(uri);
    assert.ok(report.kind === 'full' && report.items.some((d) => d.code === 'k8s/privileged-container'));
    assert.equal(await client.stop(), 0);
  });
});
