// The vdl language server: the Language Server Protocol over stdio (vscode-languageserver), started by
// `vdl-lsp` (bin/vdl-lsp.js). Full diagnostics from the static checker on every change, completion,
// hover and go-to-definition; the answers come from src/lsp/analysis.ts.
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion, definition, diagnose, hover } from './analysis.js';

export function startLanguageServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'vdl-lsp' },
    }),
  );

  const publish = (doc: TextDocument) => {
    let diagnostics;
    try {
      diagnostics = diagnose(doc);
    } catch (e) {
      // A bug in the checker must not end the server; it is reported where the user looks.
      const message = `internal error in vdl's checker: ${e instanceof Error ? e.message : String(e)}`;
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1 as const, source: 'vdl', message }];
    }
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? completion(doc) : [];
  });
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? hover(doc, params.position) : null;
  });
  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? definition(doc, params.position) : null;
  });

  documents.listen(connection);
  connection.listen();
}
