// Runs Neovim headless with neovim.lua against the Lintel language server and returns the checks it passed.
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * @param {{nvim: string, node: string, server: string, file: string, out: string, rule: string, timeoutMs?: number}} o
 * @returns {Promise<{name: string, ok: boolean, detail: string}[]>}
 */
export async function runNeovimCheck(o) {
  const timeoutMs = o.timeoutMs ?? 20000;
  const lua = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'neovim.lua');
  const env = {
    ...process.env,
    LINTEL_SERVER: o.server, LINTEL_FILE: o.file, LINTEL_OUT: o.out, LINTEL_NODE: o.node,
    LINTEL_RULE: o.rule, LINTEL_TIMEOUT_MS: String(timeoutMs),
    // Neovim's log files (lsp.log among them) stay beside the result, out of the home folder.
    XDG_CACHE_HOME: join(dirname(o.out), 'cache'), XDG_STATE_HOME: join(dirname(o.out), 'state'),
    XDG_DATA_HOME: join(dirname(o.out), 'data'),
  };
  const args = ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', lua];
  const { code, stderr } = await new Promise((resolve) => {
    const p = spawn(o.nvim, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    // Neovim waits on its own timeouts; this only guards against a hang of Neovim itself.
    const guard = setTimeout(() => p.kill('SIGKILL'), timeoutMs * 4);
    p.on('close', (c) => { clearTimeout(guard); resolve({ code: c, stderr: err }); });
  });
  if (!existsSync(o.out)) {
    return [{ name: 'neovim: run', ok: false, detail: `exit ${code}, no result file; ${stderr.trim()}` }];
  }
  const r = JSON.parse(readFileSync(o.out, 'utf8'));
  const diags = Array.isArray(r.diagnostics) ? r.diagnostics : [];
  const hit = diags.find((d) => d.code === o.rule);
  const actions = Array.isArray(r.actions) ? r.actions : [];
  const results = [
    { name: `neovim ${r.nvim}: pushed diagnostics include ${o.rule}`, ok: !!hit,
      detail: hit ? `${hit.message} [Ln ${hit.line}, Col ${hit.character}] source=${hit.source}` : `got ${JSON.stringify(diags)} ${r.error ?? ''}` },
    { name: 'neovim: quick fix offered and applied', ok: !!r.applied && r.changed === true,
      detail: r.applied ? `"${r.applied}" of [${actions.map((a) => a.title).join(' | ')}]` : (r.error ?? 'no fix applied') },
    { name: 'neovim: finding gone after the fix', ok: !r.error && r.remaining === 0,
      detail: r.error ? String(r.error).split('\n')[0] : `remaining ${r.remaining}` },
  ];
  return results;
}
