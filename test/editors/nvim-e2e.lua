-- Drives Neovim's built-in LSP client (0.7+, so `vim.lsp.start_client`, not 0.8's `vim.lsp.start`)
-- against wirelint-language-server the way a user would: open a buggy file, wait for the
-- diagnostics, put the cursor on the first one, run `vim.lsp.buf.code_action()` and pick the
-- quick fix named in the spec (through `vim.ui.select`, the documented hook for pickers), wait
-- for the re-lint, write the file, stop the server and quit. What it saw goes to a JSON report
-- that test/editors/neovim.test.ts asserts on; this script only fails on what it cannot go on from.
--
-- Usage: WIRELINT_E2E_SPEC=spec.json nvim --headless -u NONE -i NONE -n -c 'luafile nvim-e2e.lua'
-- spec.json: { server: [argv], file, settings?, fixTitle, report, timeoutMs }

local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(assert(os.getenv('WIRELINT_E2E_SPEC'), 'WIRELINT_E2E_SPEC is not set')), '\n'))
local report = {
  editor = 'Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
  diagnostics = {},
  codeActions = {},
  diagnosticsAfterFix = {},
}

local function finish(exit_code)
  vim.fn.writefile({ vim.fn.json_encode(report) }, spec.report)
  vim.cmd(exit_code == 0 and 'qall!' or ('cquit ' .. exit_code))
end

local function wait_for(what, predicate)
  if not vim.wait(spec.timeoutMs, predicate, 10) then error('timed out after ' .. spec.timeoutMs .. ' ms waiting for ' .. what, 0) end
end

-- Only what the tests compare: the message text belongs to the rules' own tests.
local function summarize(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    table.insert(out, { code = d.code, source = d.source, severity = d.severity, range = d.range })
  end
  return out
end

local function run()
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)

  local published = {} -- every publishDiagnostics for the file, in arrival order
  local exited
  local client_id = vim.lsp.start_client({
    name = 'wirelint',
    cmd = spec.server,
    root_dir = vim.fn.fnamemodify(spec.file, ':p:h'),
    -- Neovim 0.7 does not advertise `workspace/configuration`, so the server reads its settings
    -- from the initialization options (nil: the server's defaults, the recommended preset).
    init_options = spec.settings,
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result.uri == uri then table.insert(published, result) end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil', 0) end
  report.serverPid = vim.lsp.get_client_by_id(client_id).rpc.pid
  vim.lsp.buf_attach_client(buf, client_id)

  wait_for('the first publishDiagnostics', function() return #published > 0 end)
  local first = published[1]
  report.diagnostics = summarize(first.diagnostics)
  local target = first.diagnostics[1]
  if target == nil then error('the server published no diagnostics for ' .. spec.file, 0) end

  -- The cursor goes where the user would put it; LSP characters are UTF-16 code units.
  local line_text = vim.api.nvim_buf_get_lines(buf, target.range.start.line, target.range.start.line + 1, true)[1]
  vim.api.nvim_win_set_cursor(0, { target.range.start.line + 1, vim.str_byteindex(line_text, target.range.start.character, true) })

  local answered = false
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(report.codeActions, action.title)
      if chosen == nil and action.title == spec.fixTitle then chosen = item end
    end
    if chosen ~= nil then report.appliedFix = chosen[2].title end
    on_choice(chosen)
    answered = true
  end
  vim.lsp.buf.code_action()
  wait_for('the code actions', function() return answered end)
  if report.appliedFix == nil then error('no code action titled "' .. spec.fixTitle .. '"', 0) end

  -- The fix was applied synchronously; its didChange carries the buffer's new version.
  local version = vim.lsp.util.buf_versions[buf]
  wait_for('diagnostics for version ' .. tostring(version), function()
    return published[#published].version == version
  end)
  report.diagnosticsAfterFix = summarize(published[#published].diagnostics)

  vim.cmd('write')
  vim.lsp.stop_client(client_id) -- shutdown request, then the exit notification
  wait_for('the server to exit', function() return exited ~= nil end)
  report.serverExit = exited
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  finish(0)
else
  report.error = tostring(err)
  -- The end of Neovim's LSP log: the server's own error messages land there.
  local read, log = pcall(vim.fn.readfile, vim.lsp.get_log_path())
  if read then report.lspLog = table.concat(vim.list_slice(log, math.max(#log - 40, 1)), '\n') end
  finish(1)
end
