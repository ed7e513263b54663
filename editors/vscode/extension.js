// The VS Code client of the vdl language server: starts `vdl-lsp --stdio` (bin/vdl-lsp.js of the vdl
// package) for .vdl files. The colouring needs no code: package.json points VS Code at the TextMate
// grammar generated from vdl's lexer (syntaxes/vdl.tmLanguage.json).
/* global require, exports, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a VS Code extension is a CommonJS module */
const path = require('node:path');
const fs = require('node:fs');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The server command: the setting, else the workspace's node_modules/.bin/vdl-lsp, else this repository's bin, else PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('vdl').get('server.command');
  if (configured) return { command: configured, args: ['--stdio'] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'vdl-lsp.cmd' : 'vdl-lsp');
    if (fs.existsSync(local)) return { command: local, args: ['--stdio'] };
  }
  // Inside the vdl repository: run its bin script with VS Code's own Node (`module` runs a Node module).
  const repo = path.resolve(__dirname, '..', '..', 'bin', 'vdl-lsp.js');
  if (fs.existsSync(repo)) return { module: repo, args: ['--stdio'] };
  return { command: 'vdl-lsp', args: ['--stdio'] };
}

exports.activate = function activate() {
  const server = { ...serverCommand(), transport: TransportKind.stdio };
  client = new LanguageClient('vdl', 'vdl language server', server, {
    documentSelector: [{ scheme: 'file', language: 'vdl' }, { scheme: 'untitled', language: 'vdl' }],
  });
  return client.start();
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
