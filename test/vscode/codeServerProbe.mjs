// Client probe in real VS Code (code-server + Chromium from test/e2e/setup.sh): edits, cross-file, commands, code actions.
// Usage: npm run build && node test/vscode/codeServerProbe.mjs   (packages its own VSIX; works in .e2e/run/lintel-probe)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = JSON.parse(readFileSync(join(ROOT, '.e2e', 'tools.json'), 'utf8'));
const base = join(ROOT, '.e2e', 'run', 'lintel-probe');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });
const vsix = join(base, 'lintel.vsix');
const pack = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
if (pack.status !== 0) throw new Error(`packaging failed: ${pack.stdout}${pack.stderr}`);
const shots = join(base, 'screenshots');
mkdirSync(shots, { recursive: true });
const userData = join(base, 'user-data'), extensions = join(base, 'ext'), folder = join(base, 'ws');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(folder, { recursive: true });
writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'lintel.trace.server': process.env.TRACE ?? 'off' }));
const POD = readFileSync(join(ROOT, 'test/fixtures/lsp/deployment.yaml'), 'utf8');
writeFileSync(join(folder, 'deploy.yaml'), POD);
writeFileSync(join(folder, 'pdb.yaml'), readFileSync(join(ROOT, 'test/fixtures/lsp/pdb.yaml'), 'utf8').replace('app: web', 'app: nothing'));
const env = { ...process.env, XDG_CONFIG_HOME: join(base, 'xc'), XDG_DATA_HOME: join(base, 'xd'), XDG_CACHE_HOME: join(base, 'xk') };
const inst = spawnSync(tools.node24, [tools.codeServerEntry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { encoding: 'utf8', env });
console.log(inst.stdout.trim().split('\n').pop());
const port = 40000 + Math.floor(Math.random() * 2000);
const cs = spawn(tools.node24, [tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', extensions, folder], { env, stdio: ['ignore', 'pipe', 'pipe'] });
await new Promise((res) => { const on = (d) => { if (/HTTP server listening/.test(String(d))) res(); }; cs.stdout.on('data', on); cs.stderr.on('data', on); });
const browser = await chromium.launch({ executablePath: tools.chromium, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const W = 30000;
let failures = 0;
try {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: W });
  const open = async (name) => {
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first().click({ timeout: W });
    await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: W });
  };
  await open('deploy.yaml');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const priv = rows.filter({ hasText: 'k8s/privileged-container' });
  const pdbRow = rows.filter({ hasText: 'k8s/workload-missing-pdb' });
  await priv.first().waitFor({ timeout: W });
  console.log('initial: privileged shown; pdb finding shown:', await pdbRow.count());
  const goto = async (line, col) => {
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`:${line}:${col}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: W });
  };
  const line = POD.split('\n').findIndex((l) => l.includes('privileged: true')) + 1;
  const col = POD.split('\n')[line - 1].indexOf('true') + 1;
  for (let i = 0; i < 8; i++) {
    const t0 = Date.now();
    await goto(line, col);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.type(i % 2 ? 'true' : 'false', { delay: 15 });
    if (i % 3 === 2) await page.keyboard.press('Control+S');
    try {
      await priv.first().waitFor({ state: i % 2 ? 'visible' : 'detached', timeout: 10000 });
      console.log(`edit ${i}: ${i % 2 ? 'true' : 'false'} settled in ${Date.now() - t0} ms`);
    } catch {
      failures++;
      console.log(`edit ${i}: NOT settled`);
      await page.screenshot({ path: join(shots, `fail-${i}.png`) });
    }
  }
  // Cross-file: fix the PDB selector in the other file and watch the Deployment lose its PDB finding.
  await open('pdb.yaml');
  const pl = readFileSync(join(folder, 'pdb.yaml'), 'utf8').split('\n');
  const li = pl.findIndex((l) => l.includes('app: nothing')) + 1;
  await goto(li, pl[li - 1].indexOf('nothing') + 1);
  await page.keyboard.press('Control+Shift+ArrowRight');
  const t1 = Date.now();
  await page.keyboard.type('web', { delay: 15 });
  try { await pdbRow.first().waitFor({ state: 'detached', timeout: 10000 }); console.log(`cross-file: PDB finding of the Deployment gone in ${Date.now() - t1} ms`); }
  catch { failures++; console.log('cross-file: NOT settled'); await page.screenshot({ path: join(shots, 'fail-cross.png') }); }
  await page.screenshot({ path: join(shots, 'final.png') });
  const palette = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: W });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: W });
    await page.keyboard.press('Enter');
  };
  const step = async (name, fn) => { const t = Date.now(); try { await fn(); console.log(`${name}: ok (${Date.now() - t} ms)`); } catch (e) { failures++; console.log(`${name}: FAILED ${String(e.message).split('\n')[0]}`); await page.screenshot({ path: join(shots, `fail-${name.replace(/\W+/g, '-')}.png`) }); } };
  await step('scan workspace', async () => {
    await palette('Lintel: Scan Workspace');
    await page.locator('.notification-toast').filter({ hasText: /Lintel: .* in \d+ of \d+ files/ }).first().waitFor({ timeout: W });
    console.log('   ', (await page.locator('.notification-toast').filter({ hasText: /Lintel:/ }).first().innerText()).replace(/\s+/g, ' '));
  });
  await step('show rule docs (quick pick)', async () => {
    await palette('Lintel: Show Rule Documentation');
    const input = page.locator('.quick-input-widget input');
    await input.fill('k8s/privileged-container');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'k8s/privileged-container' }).first().waitFor({ timeout: W });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').filter({ hasText: /privileged-container/ }).first().waitFor({ timeout: W });
    // The markdown preview is a webview: an iframe holding the active frame with the rendered page.
    const preview = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
    await preview.locator('h1', { hasText: 'Containers do not run privileged' }).waitFor({ timeout: W });
    await preview.locator('h2', { hasText: 'How to fix' }).waitFor({ timeout: W });
    await page.screenshot({ path: join(shots, 'docs.png') });
  });
  const quick = async (title) => {
    await open('deploy.yaml');
    await goto(line, col + 1);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    await menu.waitFor({ timeout: W });
    const item = menu.locator('.monaco-list-row.action').filter({ hasText: title }).first();
    await item.waitFor({ timeout: W });
    console.log('    offered:', (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => t.trim()).join(' | '));
    await item.click();
  };
  await step('code action: show documentation (client middleware)', async () => {
    await quick('Show documentation for k8s/privileged-container');
    await page.locator('.tabs-container .tab.active').filter({ hasText: /Preview privileged-container/ }).first().waitFor({ timeout: W });
  });
  await step('code action: ignore on this line', async () => {
    await quick('Ignore k8s/privileged-container on this line');
    await priv.first().waitFor({ state: 'detached', timeout: W });
    await page.keyboard.press('Control+Z');
    await priv.first().waitFor({ timeout: W });
  });
  await step('fix all safe problems', async () => {
    await open('deploy.yaml');
    await palette('Lintel: Fix All Safe Problems in File');
    await priv.first().waitFor({ state: 'detached', timeout: W });
  });
} finally {
  await browser.close();
  cs.kill();
}
console.log(failures ? `${failures} FAILURES` : 'all settled');
process.exit(failures ? 1 : 0);
