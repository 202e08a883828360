-- Neovim's built-in LSP client against `rtlint lsp` (run by tests/lsp_nvim.py):
-- open a sample-app component, wait for rtlint's diagnostics, apply the quick
-- fix, check the buffer text, break it again, see the diagnostic return.
-- Works with Neovim 0.7 (Debian 12): start_client + buf_attach_client.
local rtlint = os.getenv("RTLINT")
local app = os.getenv("APP")
local rel = "components/widget/WidgetChat.tsx"
local RULE = "channel-hand-built"

local function say(ok, what)
  io.stdout:write((ok and "ok   " or "FAIL ") .. what .. "\n")
  if not ok then
    vim.cmd("cquit 1")
  end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function findings(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == RULE then
      table.insert(out, d)
    end
  end
  return out
end

vim.cmd("edit " .. app .. "/" .. rel)
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "typescriptreact"
local client_id = vim.lsp.start_client({
  name = "rtlint",
  cmd = { rtlint, "lsp" },
  root_dir = app,
})
say(client_id ~= nil, "the client started rtlint lsp")
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(15000, function() return #findings(bufnr) > 0 end, 50)
say(got, "rtlint's " .. RULE .. " diagnostic arrived")
local d = findings(bufnr)[1]
local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
-- The line holds emoji before the finding: the column must still be exact
-- (Neovim converts the server's UTF-16 positions to bytes).
say(line:sub(d.col + 1, d.col + 4) == "`org", "the diagnostic starts at the template literal (after 🚀)")

local client = vim.lsp.get_client_by_id(client_id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = {
    start = { line = d.lnum, character = 0 },
    ["end"] = { line = d.lnum, character = 0 },
  },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
local fix
for _, r in pairs(responses or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.kind == "quickfix" and a.isPreferred and a.diagnostics and a.diagnostics[1].code == RULE then
      fix = a
    end
  end
end
say(fix ~= nil, "a preferred quickfix is offered for it")
vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or "utf-16")
local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
say(text:find("supabase.channel(UNIFIED_CHANNELS.conversation(orgId, convId))", 1, true) ~= nil,
  "the buffer holds the fixed call")
say(text:find('import { UNIFIED_CHANNELS } from "@/lib/realtime/unified-channel-standards"', 1, true) ~= nil,
  "and the import it needs")
say(text:find("🚀 live", 1, true) ~= nil, "the emoji before it are intact")

got = vim.wait(15000, function() return #findings(bufnr) == 0 end, 50)
say(got, "the diagnostic is gone after the fix")

-- Break it again: put the hand-built name back.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
for i, l in ipairs(lines) do
  local s, e = l:find("UNIFIED_CHANNELS.conversation(orgId, convId)", 1, true)
  if s and l:find("supabase.channel(", 1, true) then
    vim.api.nvim_buf_set_text(bufnr, i - 1, s - 1, i - 1, e, { "`org:${orgId}:conv:${convId}`" })
  end
end
got = vim.wait(15000, function() return #findings(bufnr) > 0 end, 50)
say(got, "breaking it again brings the diagnostic back")

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
io.stdout:write("nvim: all passed\n")
vim.cmd("qall!")
