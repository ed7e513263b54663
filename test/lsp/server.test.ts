// The language server spoken to as an editor does: the real `vdl-lsp` process (bin/vdl-lsp.js over
// the compiled dist/, built by the global set-up) and JSON-RPC messages with Content-Length headers
// on its stdin and stdout. Checked: initialize, didOpen -> publishDiagnostics (and an empty list
// after the fix), completion, hover and go-to-definition for let, fn and imports.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtin } from '../../src/lang/builtins/index.js';
import { check } from '../../src/lang/run.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** A minimal LSP client: frames messages, matches responses to requests, queues notifications. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Message) => void>();
  private readonly notifications: Message[] = [];
  private notify: (() => void) | null = null;

  constructor(private readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.id !== undefined && message.method === undefined) this.waiting.get(message.id)?.(message);
        else {
          this.notifications.push(message);
          this.notify?.();
        }
      }
    });
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result as T)));
      this.send({ id, method, params });
    });
  }

  /** The next notification of `method` (for `uri` when given), waiting for it if needed. */
  async notification<T>(method: string, uri?: string): Promise<T> {
    for (;;) {
      const i = this.notifications.findIndex((m) => m.method === method && (uri === undefined || (m.params as { uri: string }).uri === uri));
      if (i >= 0) return this.notifications.splice(i, 1)[0]!.params as T;
      await new Promise<void>((resolve) => (this.notify = resolve));
    }
  }
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Diagnostics {
  uri: string;
  diagnostics: { range: Range; message: string; code: string; severity: number }[];
}

let server: ChildProcessWithoutNullStreams;
let client: Client;
let dir: string;
const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

const MAIN = [
  'import "helpers.vdl";', //                          line 0
  'ring R = QQ[x, y];', //                             line 1
  'let I = ideal(x^2 - y, x*y - 1);', //               line 2
  'fn twice(a) = 2 * a;', //                           line 3
  'print dim(I), twice(3), square(y);', //             line 4
  'for k in 1..2 { let I = k; print I; }', //          line 5
  'print I;', //                                       line 6
].join('\n');
const HELPERS = '// The square of a value.\nfn square(v) = v * v;\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vdl-lsp-'));
  writeFileSync(path.join(dir, 'helpers.vdl'), HELPERS);
  server = spawn(process.execPath, [path.join(root, 'bin/vdl-lsp.js'), '--stdio'], { stdio: 'pipe' });
  client = new Client(server);
  const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, completionProvider: {} });
  client.send({ method: 'initialized', params: {} });
});

afterAll(async () => {
  if (client) {
    await client.request('shutdown', null);
    client.send({ method: 'exit' });
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('vdl-lsp over stdio', () => {
  it('didOpen publishes the checker\'s diagnostics at their place; a fix clears them', async () => {
    const bad = 'ring R = QQ[x];\nprint x + z;\nprint gb();\n';
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri('bad.vdl'), languageId: 'vdl', version: 1, text: bad } } });
    const published = await client.notification<Diagnostics>('textDocument/publishDiagnostics', uri('bad.vdl'));
    // The same problems as `vdl check` (the static checker run directly), at the same places.
    const expected = check(bad, { file: path.join(dir, 'bad.vdl') }).diagnostics;
    expect(expected.length).toBe(2);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual(
      expected.map((d) => [d.code, d.span.startLine - 1, d.span.startColumn - 1]),
    );
    expect(published.diagnostics[0]).toMatchObject({ severity: 1, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } } });
    expect(published.diagnostics[0]!.message).toMatch(/z/);
    client.send({
      method: 'textDocument/didChange',
      params: { textDocument: { uri: uri('bad.vdl'), version: 2 }, contentChanges: [{ text: 'ring R = QQ[x];\nprint x + 1;\n' }] },
    });
    expect((await client.notification<Diagnostics>('textDocument/publishDiagnostics', uri('bad.vdl'))).diagnostics).toEqual([]);
  });

  it('completion offers built-ins with their registry signature, stdlib functions, keywords and the file\'s names', async () => {
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri('main.vdl'), languageId: 'vdl', version: 1, text: MAIN } } });
    expect((await client.notification<Diagnostics>('textDocument/publishDiagnostics', uri('main.vdl'))).diagnostics).toEqual([]);
    const items = await client.request<{ label: string; detail?: string; kind: number }[]>('textDocument/completion', {
      textDocument: { uri: uri('main.vdl') },
      position: { line: 6, character: 6 },
    });
    const byLabel = new Map(items.map((i) => [i.label, i]));
    expect(byLabel.get('gb')?.detail).toBe(builtin('gb')!.signature);
    expect(byLabel.get('katsura')?.detail).toMatch(/stdlib\/systems\.vdl/);
    expect(byLabel.get('ring')?.kind).toBe(14); // Keyword
    expect(byLabel.get('twice')?.kind).toBe(3); // Function
    expect(byLabel.has('I')).toBe(true);
  });

  it('hover shows a built-in\'s help from the registry, and a user definition', async () => {
    type H = { contents: { kind: string; value: string }; range: Range };
    const dim = await client.request<H>('textDocument/hover', { textDocument: { uri: uri('main.vdl') }, position: { line: 4, character: 7 } });
    expect(dim.contents.value).toContain(builtin('dim')!.signature);
    expect(dim.contents.value).toContain(builtin('dim')!.summary);
    expect(dim.range).toEqual({ start: { line: 4, character: 6 }, end: { line: 4, character: 9 } });
    const twice = await client.request<H>('textDocument/hover', { textDocument: { uri: uri('main.vdl') }, position: { line: 4, character: 15 } });
    expect(twice.contents.value).toContain('fn twice(a) = 2 * a;');
    const square = await client.request<H | null>('textDocument/hover', { textDocument: { uri: uri('main.vdl') }, position: { line: 0, character: 1 } });
    expect(square).toBeNull(); // on the keyword `import`: no name there
  });

  it('go-to-definition: let (by scope), fn, and an import and the names it defines', async () => {
    type L = { uri: string; range: Range } | null;
    const at = (line: number, character: number) => client.request<L>('textDocument/definition', { textDocument: { uri: uri('main.vdl') }, position: { line, character } });
    // `I` on line 4 is the top-level let of line 2; inside the loop it is the loop's own let.
    expect(await at(4, 10)).toEqual({ uri: uri('main.vdl'), range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } } });
    expect((await at(5, 33))!.range.start).toEqual({ line: 5, character: 20 });
    expect((await at(6, 6))!.range.start).toEqual({ line: 2, character: 4 });
    expect(await at(4, 15)).toEqual({ uri: uri('main.vdl'), range: { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } } });
    // The parameter inside the function body, and a ring variable.
    expect((await at(3, 18))!.range.start).toEqual({ line: 3, character: 9 });
    expect((await at(2, 14))!.range.start).toEqual({ line: 1, character: 12 });
    // The import's string goes to the module; `square` to its definition there.
    expect(await at(0, 10)).toEqual({ uri: uri('helpers.vdl'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(await at(4, 26)).toEqual({ uri: uri('helpers.vdl'), range: { start: { line: 1, character: 3 }, end: { line: 1, character: 9 } } });
    // A built-in has no definition in a file.
    expect(await at(4, 7)).toBeNull();
  });

  it('`vdl lsp --stdio` is the same server: it initializes, shuts down and exits 0 on exit', async () => {
    const other = spawn(process.execPath, [path.join(root, 'bin/vdl.js'), 'lsp', '--stdio'], { stdio: 'pipe' });
    const second = new Client(other);
    const exited = new Promise<number | null>((resolve) => other.on('exit', resolve));
    const init = await second.request<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
    expect(init.serverInfo.name).toBe('vdl-lsp');
    second.send({ method: 'initialized', params: {} });
    second.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri('other.vdl'), languageId: 'vdl', version: 1, text: 'print y;\n' } } });
    const published = await second.notification<Diagnostics>('textDocument/publishDiagnostics', uri('other.vdl'));
    expect(published.diagnostics.map((d) => d.range.start)).toEqual([{ line: 0, character: 6 }]);
    await second.request('shutdown', null);
    second.send({ method: 'exit' });
    expect(await exited).toBe(0);
  });
});
