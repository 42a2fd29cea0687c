// Real-editor end-to-end run: packages the VSIX, then checks the grammars, Neovim over stdio, and VS Code (code-server) in Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGrammarChecks } from './grammars.mjs';
import { runNeovimCheck } from './neovim.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const E2E = join(ROOT, '.e2e');
const RUN = join(E2E, 'run');
const SHOTS = join(E2E, 'screenshots');
const FIXTURES = join(HERE, 'fixtures/workspace');
const RULE = 'k8s/privileged-container';
const SUPPRESSED = 'k8s/container-missing-liveness-probe'; // silenced by a comment in the fixture
const MANIFEST = 'pod.yaml';
const WAIT_MS = Number(process.env.LINTEL_E2E_WAIT_MS ?? 60_000);

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' }, // use this VSIX instead of running `npm run package`
    server: { type: 'string' }, // language server script for Neovim (default dist/server/server.js)
    only: { type: 'string' }, // comma list of: package, grammars, neovim, vscode
  },
});
const only = opts.only ? new Set(opts.only.split(',')) : null;
const wants = (part) => !only || only.has(part);

/** @type {{name: string, status: 'passed'|'failed'|'skipped', detail: string}[]} */
const results = [];
const timings = {};
/** The browser page while the VS Code checks run, for a screenshot when one fails. */
let activePage = null;

function record(name, status, detail = '') {
  results.push({ name, status, detail });
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[status];
  console.log(`${mark} ${name}${detail ? ` — ${detail}` : ''}`);
}

/** Runs one check; returns false when it failed (later checks that need it are then skipped). */
async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, 'passed', typeof detail === 'string' ? detail : '');
    return true;
  } catch (e) {
    let where = '';
    if (activePage) {
      const file = join(SHOTS, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
      where = await activePage.screenshot({ path: file }).then(() => ` (screenshot: ${file})`, () => '');
      // Close whatever menu or dialog the failed step left open, so the next check starts clean.
      await activePage.keyboard.press('Escape').catch(() => {});
      await activePage.keyboard.press('Escape').catch(() => {});
    }
    record(name, 'failed', String(e?.message ?? e).split('\n').slice(0, 4).join(' | ') + where);
    return false;
  }
}

async function timed(part, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings[part] = Math.round((Date.now() - t0) / 100) / 10;
  }
}

function loadTools() {
  const file = join(E2E, 'tools.json');
  if (!existsSync(file)) throw new Error('.e2e/tools.json missing: run bash test/e2e/setup.sh first');
  return JSON.parse(readFileSync(file, 'utf8'));
}

function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `npm run package`, then the VSIX content list is checked. */
async function packageVsix() {
  const vsix = join(ROOT, 'lintel.vsix');
  const log = join(E2E, 'logs/package.log');
  mkdirSync(dirname(log), { recursive: true });
  const built = await check('package: npm run package builds lintel.vsix', () => {
    rmSync(vsix, { force: true });
    const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    writeFileSync(log, `${r.stdout}\n${r.stderr}`);
    if (r.status !== 0 || !existsSync(vsix)) {
      throw new Error(`exit ${r.status}; ${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-6).join(' | ')} (log: ${log})`);
    }
    return `${(statSync(vsix).size / 1024).toFixed(0)} KiB`;
  });
  if (!built) return null;
  await check('package: VSIX holds the bundles, grammars, schema and licence, and nothing else', () => {
    const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
    const files = r.stdout.split('\n').filter(Boolean);
    const required = [
      'extension/package.json', 'extension/LICENSE.txt', 'extension/dist/client/extension.js',
      'extension/dist/server/server.js', 'extension/syntaxes/terraform.tmLanguage.json',
      'extension/syntaxes/lintel-suppression.injection.tmLanguage.json',
      'extension/server/schemas/lintel-config.schema.json',
    ];
    const missing = required.filter((f) => !files.includes(f));
    const unwanted = files.filter((f) => /node_modules\/|\.ts$|\.map$|\/test\/|\/rules\/|\.e2e\//.test(f));
    if (missing.length || unwanted.length) {
      throw new Error(`missing [${missing.join(', ')}] unwanted [${unwanted.slice(0, 8).join(', ')}]`);
    }
    return `${files.length} entries`;
  });
  return vsix;
}

async function grammars(tools) {
  const vscodeDir = join(dirname(tools.codeServerEntry), '../../lib/vscode');
  for (const r of await runGrammarChecks(ROOT, vscodeDir)) {
    record(`grammar: ${r.name}`, r.ok ? 'passed' : 'failed', r.detail);
  }
}

async function neovim(tools) {
  const server = opts.server ?? join(ROOT, 'dist/server/server.js');
  if (!existsSync(server)) {
    record('neovim: language server over stdio', 'failed', `${server} not built`);
    return;
  }
  const dir = freshDir(join(RUN, 'nvim'));
  cpSync(join(FIXTURES, MANIFEST), join(dir, MANIFEST));
  const out = join(dir, 'result.json');
  for (const r of await runNeovimCheck({
    nvim: tools.nvim, node: process.execPath, server, file: join(dir, MANIFEST), out, rule: RULE,
  })) {
    record(r.name, r.ok ? 'passed' : 'failed', r.detail);
  }
  console.log(`     (Neovim result: ${out})`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Environment that keeps the config, cache and log files of code-server and Chromium inside the run folder. */
function codeServerEnv(base) {
  return {
    ...process.env, XDG_CONFIG_HOME: join(base, 'xdg-config'), XDG_DATA_HOME: join(base, 'xdg-data'),
    XDG_CACHE_HOME: join(base, 'xdg-cache'),
  };
}

/** Starts code-server and resolves once it listens. */
async function startCodeServer(tools, { base, port, userData, extensions, folder, log }) {
  const args = [
    tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData,
    '--extensions-dir', extensions, folder,
  ];
  const proc = spawn(tools.node24, args, { stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv(base) });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start: ${output.slice(-500)}`)), WAIT_MS);
    const onData = (d) => {
      output += d;
      writeFileSync(log, output);
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${c}: ${output.slice(-500)}`));
    });
  });
  await ready;
  return proc;
}

/** Text of the visible editor lines, with Monaco's non-breaking spaces made plain. */
async function editorText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
    return editor ? editor.innerText.replace(/\u00a0/g, ' ') : '';
  });
}

/** Resolves with the file's text once predicate accepts it, watching its folder (saves may replace the file). */
function waitForFile(file, predicate, timeoutMs = WAIT_MS) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watcher.close();
      fn();
    };
    const test = () => {
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return; // between the write and the rename of a save
      }
      if (predicate(text)) finish(() => resolve(text));
    };
    const watcher = watch(dirname(file), test);
    const timer = setTimeout(() => finish(() => reject(new Error(`${file} did not change as expected`))), timeoutMs);
    test();
  });
}

/** Opens a file from the explorer and waits for its editor. */
async function openFromExplorer(page, name) {
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first().click({ timeout: WAIT_MS });
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: WAIT_MS });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
}

/** Puts the cursor on line:column through "Go to Line" and shows the scopes there with the token inspector. */
async function inspectTokenAt(page, line, column) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  await page.keyboard.press('F1');
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill('>Developer: Inspect Editor Tokens and Scopes');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Inspect Editor Tokens and Scopes' }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: WAIT_MS });
  await page.waitForFunction(() => /\.lintel|\.terraform|\.yaml/.test(document.querySelector('.token-inspect-widget')?.textContent ?? ''), null, { timeout: WAIT_MS });
  return (await widget.innerText()).replace(/\s+/g, ' ');
}

/** Finds line and column (1-based) of the first occurrence of needle in a fixture, plus an offset into it. */
function positionOf(file, needle, into = 1) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return [i + 1, lines[i].indexOf(needle) + 1 + into];
}

async function vscode(tools, vsix) {
  const { chromium } = await import('playwright-core');
  const base = freshDir(join(RUN, 'code-server'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const folder = join(base, 'workspace');
  cpSync(FIXTURES, folder, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  // Quiet the first-run UI; workspace trust stays at its defaults so the folder opens in Restricted Mode.
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  freshDir(SHOTS); // no stale pictures from an earlier run
  const shot = (name) => join(SHOTS, name);

  const installed = await check('vscode: code-server --install-extension lintel.vsix', () => {
    const r = spawnSync(tools.node24, [tools.codeServerEntry, '--user-data-dir', userData, '--extensions-dir', extensions,
      '--install-extension', vsix], { encoding: 'utf8', env: codeServerEnv(base) });
    const out = `${r.stdout}${r.stderr}`.trim();
    if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`exit ${r.status}: ${out.slice(-400)}`);
    return out.split('\n').filter((l) => /installed/i.test(l)).pop();
  });
  if (!installed) return;

  const port = await freePort();
  const log = join(E2E, 'logs/code-server.log');
  mkdirSync(dirname(log), { recursive: true });
  let server;
  let browser;
  try {
    server = await startCodeServer(tools, { base, port, userData, extensions, folder, log });
    browser = await chromium.launch({
      executablePath: tools.chromium,
      env: codeServerEnv(base),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    activePage = page;
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    const opened = await check('vscode: workbench opens the folder in Restricted Mode (untrusted workspace)', async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: MANIFEST }).first().waitFor({ timeout: WAIT_MS });
      await page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: WAIT_MS });
      return `code-server on port ${port}`;
    });
    if (!opened) {
      await page.screenshot({ path: shot('01-workbench.png') }).catch(() => {});
      return;
    }

    const problemRow = page.locator('.markers-panel .monaco-list-row').filter({ hasText: RULE });
    const shown = await check(`vscode: Problems panel lists ${RULE} for ${MANIFEST}`, async () => {
      await openFromExplorer(page, MANIFEST);
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: WAIT_MS });
      await problemRow.first().waitFor({ timeout: WAIT_MS });
      await page.screenshot({ path: shot('01-problems.png') });
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      const text = (await problemRow.first().innerText()).replace(/\s+/g, ' ');
      if (!/runs privileged/.test(text)) throw new Error(`unexpected message: ${text}`);
      if (!/lintel/i.test(text)) throw new Error(`source is not lintel: ${text}`);
      if (rows.some((r) => r.includes(SUPPRESSED))) throw new Error(`${SUPPRESSED} shown despite its lintel:ignore comment`);
      return `${rows.length} rows, ${SUPPRESSED} suppressed; "${text}"`;
    });
    if (!shown) {
      await page.screenshot({ path: shot('01-problems.png') }).catch(() => {});
    }

    const statusItem = page.locator('.statusbar-item').filter({ hasText: /Lintel/ }).first();
    let errorsBefore = null;
    await check('vscode: status bar shows the Lintel counts', async () => {
      await page.locator('.statusbar-item').filter({ hasText: /^\s*[1-9]\d*\s+\d+\s+Lintel/ }).first().waitFor({ timeout: WAIT_MS });
      const text = (await statusItem.innerText()).replace(/\s+/g, ' ').trim();
      errorsBefore = Number(text.split(' ')[0]);
      return `"${text}" (errors, warnings)`;
    });

    if (shown) {
      const before = readFileSync(join(folder, MANIFEST), 'utf8');
      await check('vscode: quick fix via Ctrl+. sets privileged: false, saved, finding gone, status bar updated', async () => {
        // The row's rule code is a link to the docs: open the finding from its message text instead.
        await problemRow.first().dblclick({ position: { x: 90, y: 8 } });
        await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
        await menu.waitFor({ timeout: WAIT_MS });
        const fix = menu.locator('.monaco-list-row.action').filter({ hasText: /privileged: false/i }).first();
        await fix.waitFor({ timeout: WAIT_MS });
        const offered = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
        await page.screenshot({ path: shot('02-quick-fix-menu.png') });
        await fix.click();
        await page.waitForFunction(
          () => (document.querySelector('.editor-instance .monaco-editor .view-lines')?.innerText ?? '').replace(/\u00a0/g, ' ').includes('privileged: false'),
          null, { timeout: WAIT_MS });
        await page.keyboard.press('Control+S');
        // A save may truncate before it writes: wait for the whole fixed text.
        const after = await waitForFile(join(folder, MANIFEST),
          (t) => t.includes('privileged: false') && t.split('\n').length === before.split('\n').length);
        const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
        if (changed.length !== 1) throw new Error(`the fix touched ${changed.length} lines`);
        await problemRow.first().waitFor({ state: 'detached', timeout: WAIT_MS });
        if (errorsBefore !== null) {
          const fewer = new RegExp(`^\\s*${errorsBefore - 1}\\s+\\d+\\s+Lintel`);
          await page.locator('.statusbar-item').filter({ hasText: fewer }).first().waitFor({ timeout: WAIT_MS });
        }
        await page.screenshot({ path: shot('03-fixed.png') });
        return `offered [${offered.join(' | ')}]`;
      });
    } else {
      record('vscode: quick fix via Ctrl+.', 'skipped', 'no problem to fix');
    }

    await check('vscode: suppression comment highlighted by the injection grammar in YAML', async () => {
      const [line, col] = positionOf(join(FIXTURES, MANIFEST), 'lintel:ignore', 3);
      if (!(await editorText(page)).includes('lintel:ignore')) await openFromExplorer(page, MANIFEST);
      const scopes = await inspectTokenAt(page, line, col);
      await page.screenshot({ path: shot('04-yaml-suppression-scopes.png') });
      await page.keyboard.press('Escape');
      if (!scopes.includes('keyword.control.directive.suppression.lintel')) throw new Error(`scopes: ${scopes.slice(0, 300)}`);
      return 'keyword.control.directive.suppression.lintel';
    });

    await check('vscode: .tf opens as Terraform with the Lintel grammar', async () => {
      await openFromExplorer(page, 'main.tf');
      await page.locator('[id="status.editor.mode"]').filter({ hasText: 'Terraform' }).waitFor({ timeout: WAIT_MS });
      const [line, col] = positionOf(join(FIXTURES, 'main.tf'), 'resource "aws_s3_bucket"', 2);
      const scopes = await inspectTokenAt(page, line, col);
      await page.screenshot({ path: shot('05-terraform-scopes.png') });
      await page.keyboard.press('Escape');
      if (!scopes.includes('storage.type.block.terraform')) throw new Error(`scopes: ${scopes.slice(0, 300)}`);
      await page.locator('.token-inspect-widget').waitFor({ state: 'hidden', timeout: WAIT_MS }).catch(() => {});
      await page.screenshot({ path: shot('06-terraform-highlighting.png') });
      return 'storage.type.block.terraform';
    });

    if (consoleErrors.length) console.log(`     (page errors: ${consoleErrors.slice(0, 3).join(' | ')})`);
  } finally {
    activePage = null;
    await browser?.close().catch(() => {});
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    console.log(`     (code-server log: ${log}; extension host logs under ${join(userData, 'logs')})`);
  }
}

async function main() {
  const t0 = Date.now();
  const tools = loadTools();
  let vsix = opts.vsix ?? null;
  if (!vsix && (wants('package') || wants('vscode'))) vsix = await timed('package', packageVsix);
  if (wants('grammars')) await timed('grammars', () => grammars(tools));
  if (wants('neovim')) await timed('neovim', () => neovim(tools));
  if (wants('vscode')) {
    if (vsix) await timed('vscode', () => vscode(tools, vsix));
    else record('vscode: real VS Code run', 'skipped', 'no VSIX');
  }
  timings.total = Math.round((Date.now() - t0) / 100) / 10;
  writeFileSync(join(E2E, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`screenshots: ${SHOTS}`);
  const n = (s) => results.filter((r) => r.status === s).length;
  const skipped = n('skipped');
  console.log(`${n('passed')} passed, ${n('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = n('failed') ? 1 : 0;
}

await main();
