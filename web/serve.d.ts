// Types of web/serve.js.
import type { Server } from 'node:http';
export function servePlayground(dir?: string, port?: number, isolated?: boolean): Promise<{ server: Server; url: string }>;
