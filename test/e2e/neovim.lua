-- Headless Neovim (0.7+) as an LSP client of Lintel's server: open a manifest, collect pushed diagnostics, apply a quick fix.
local server = assert(os.getenv('LINTEL_SERVER'), 'LINTEL_SERVER not set')
local file = assert(os.getenv('LINTEL_FILE'), 'LINTEL_FILE not set')
local out_path = assert(os.getenv('LINTEL_OUT'), 'LINTEL_OUT not set')
local node = os.getenv('LINTEL_NODE') or 'node'
local rule = os.getenv('LINTEL_RULE')
local timeout = tonumber(os.getenv('LINTEL_TIMEOUT_MS') or '20000')

local v = vim.version()
local result = {
  nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch),
  diagnostics = {},
  actions = {},
  log = {},
}

local function note(msg)
  table.insert(result.log, msg)
end

local function finish(err)
  result.error = err
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(err and 'cquit 1' or 'qall!')
end

-- Counts the diagnostics of one rule (or all when rule is nil).
local function count(list, id)
  local n = 0
  for _, d in ipairs(list or {}) do
    if id == nil or d.code == id then n = n + 1 end
  end
  return n
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function main()
  local pushed = {} -- uri -> last LSP diagnostics pushed by the server
  local pushes = 0
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'lintel',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_init = function() initialized = true end,
    on_exit = function(code) result.server_exit = code end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        pushed[res.uri] = res.diagnostics
        pushes = pushes + 1
        return vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, config)
      end,
      ['window/logMessage'] = function(_, res) note('server: ' .. tostring(res and res.message)) end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  result.lsp_log = vim.lsp.get_log_path()

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.buf_attach_client(buf, client_id)

  assert(vim.wait(timeout, function() return initialized end, 20), 'server did not initialize')
  local client = vim.lsp.get_client_by_id(client_id)
  note('initialized')

  -- Pushed diagnostics are the only kind Neovim 0.7 takes.
  local got = vim.wait(timeout, function() return count(pushed[uri], rule) > 0 end, 20)
  for _, d in ipairs(pushed[uri] or {}) do
    table.insert(result.diagnostics, {
      code = d.code, message = d.message, source = d.source, severity = d.severity,
      line = d.range.start.line + 1, character = d.range.start.character + 1,
    })
  end
  result.neovim_diagnostics = #vim.diagnostic.get(buf)
  assert(got, 'no diagnostics' .. (rule and (' for ' .. rule) or '') .. ' after ' .. timeout .. ' ms (' .. pushes .. ' pushes)')

  -- Ask for the code actions of the first matching diagnostic.
  local target
  for _, d in ipairs(pushed[uri]) do
    if rule == nil or d.code == rule then target = d break end
  end
  local before = buffer_text(buf)
  local before_count = count(pushed[uri], target.code)
  local resp, err = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  }, timeout, buf)
  assert(resp and not resp.err, 'codeAction failed: ' .. vim.inspect(err or (resp and resp.err)))
  local actions = resp.result or {}
  for _, a in ipairs(actions) do
    table.insert(result.actions, { title = a.title, kind = a.kind, preferred = a.isPreferred == true })
  end

  -- Prefer the preferred quick fix, then any quick fix that edits the document.
  local chosen
  for _, a in ipairs(actions) do
    if a.isPreferred and a.kind and a.kind:find('^quickfix') then chosen = a break end
  end
  if not chosen then
    for _, a in ipairs(actions) do
      if a.kind and a.kind:find('^quickfix') and (a.edit or a.data) and not a.title:lower():find('ignore') then
        chosen = a break
      end
    end
  end
  assert(chosen, 'no quick fix offered among ' .. #actions .. ' actions')
  if not chosen.edit and chosen.data then
    local r = client.request_sync('codeAction/resolve', chosen, timeout, buf)
    if r and r.result then chosen = r.result end
  end
  result.applied = chosen.title
  if chosen.edit then
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  end
  if type(chosen.command) == 'table' then
    client.request_sync('workspace/executeCommand', chosen.command, timeout, buf)
  end
  local after = buffer_text(buf)
  result.changed = before ~= after
  result.text_after = after
  assert(result.changed, 'the quick fix did not change the buffer')

  -- The server re-lints the edited buffer and pushes one finding fewer.
  local fixed = vim.wait(timeout, function() return count(pushed[uri], target.code) < before_count end, 20)
  result.remaining = count(pushed[uri], target.code)
  assert(fixed, 'diagnostic ' .. tostring(target.code) .. ' still reported after the fix')
  vim.cmd('silent write')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = xpcall(main, debug.traceback)
    finish(not ok and tostring(err) or nil)
  end,
})
