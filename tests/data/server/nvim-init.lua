-- Neovim (0.6 and later) starts `wirecheck server` on the buffer given on the command line,
-- waits up to 20 s for its diagnostics, writes them to $WIRECHECK_NVIM_OUT (one a line:
-- start-end source code message) and quits. tests/server.rs runs it headless.
local out = os.getenv("WIRECHECK_NVIM_OUT")
local client = vim.lsp.start_client({
  name = "wirecheck",
  cmd = { os.getenv("WIRECHECK_BIN"), "server", "--stdio" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client)
local found = vim.wait(20000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)
local file = io.open(out, "w")
if not found then
  file:write("timeout\n")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  file:write(string.format("%d:%d-%d:%d %s %s %s\n", d.lnum, d.col, d.end_lnum, d.end_col, d.source, code, d.message))
end
file:close()
vim.cmd("qa!")
