// The browser harness: the same Workspace and the same API as the Electron app, over HTTP on
// loopback, so that the renderer runs in plain Chromium for tests and development.
//   npm run harness -- [--corpus DIR] [--port N]
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../corpus/api/api-schema';
import { windowAnswer } from '../../corpus/api/article-wire';
import type { AppEvent } from '../../corpus/api/api';
import { Workspace, type WorkspaceOptions } from '../../corpus/services/workspace';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const SAMPLE_CORPUS = join(ROOT, 'corpus', 'sample');

/** The same policy the app sends: no inline script, nothing from outside. */
export const HARNESS_CSP = CONTENT_SECURITY_POLICY;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Harness {
  url: string;
  workspace: Workspace;
  /** The folder the next "Open Folder…" picks (the app shows a dialog there). */
  setNextFolder(path: string | null): void;
  emit(event: AppEvent): void;
  /** What "Open PDF at p. N" handed to the shell (the app's shell opens the system viewer; the harness only records it). */
  openedOriginals: Array<{ path: string; page: number | null }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  corpus?: string;
  appDataDir?: string;
  port?: number;
  /** As the app: background workers and a watched folder (default on). */
  live?: boolean;
  /** Where the OCR programs are looked for (a journey on a machine without them). */
  findOcrTools?: WorkspaceOptions['findOcrTools'];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const appDataDir = options.appDataDir ?? (await mkdtemp(join(tmpdir(), 'hashiya-appdata-')));
  let nextFolder: string | null = null;
  const openedOriginals: Harness['openedOriginals'] = [];
  const workspace = await Workspace.create({
    openOriginal: async (path, page) => void openedOriginals.push({ path, page }),
    appDataDir,
    defaultCorpus: options.corpus ?? SAMPLE_CORPUS,
    pickFolder: async () => nextFolder,
    live: options.live ?? true,
    ...(options.findOcrTools ? { findOcrTools: options.findOcrTools } : {}),
  });
  if (options.corpus) await workspace.openCorpus(options.corpus, true);
  const listeners = new Set<ServerResponse>();
  const emit = (event: AppEvent) => {
    for (const res of listeners) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const unsubscribe = workspace.onEvent(emit);
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String((error as Error).message));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice(5));
      if (method === 'events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': hello\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      // Another page on this machine must not drive the harness: same origin and JSON only
      // (a cross-site form or no-cors fetch cannot send application/json).
      const origin = req.headers.origin;
      const host = req.headers.host ?? '';
      if ((origin && origin !== `http://${host}`) || !/^127\.0\.0\.1:\d+$|^localhost:\d+$/.test(host) || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 403, 'text/plain', 'refused: not from the harness page');
      }
      const body = await readBody(req);
      let args: unknown;
      try {
        args = JSON.parse(body);
      } catch {
        return send(res, 200, 'application/json', JSON.stringify({ ok: false, error: { code: 'bad-request', message: 'body is not JSON' } }));
      }
      // Packed as the app's IPC handler packs it: the page's bridge unpacks it.
      const response = windowAnswer(method, await dispatch(workspace, method, args));
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(response));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const path = resolve(RENDERER_DIR, rel);
    if (!path.startsWith(RENDERER_DIR + sep) || rel.includes('\0')) return send(res, 404, 'text/plain', 'not found');
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
    return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', data);
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    workspace,
    setNextFolder: (p) => {
      nextFolder = p;
    },
    emit,
    openedOriginals,
    close: async () => {
      unsubscribe();
      for (const res of listeners) res.end();
      await workspace.close();
      const closed = new Promise<void>((ok) => (server as Server).close(() => ok()));
      // A connection the page left open (an event stream just ended, a keep-alive one) would
      // keep close() waiting for ever: a restart in a test must not hang on it.
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': HARNESS_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024 * 1024) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[1] && (await realpath(process.argv[1]).catch(() => '')) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const { bundleRenderer } = (await import('../../build/scripts/bundle.mjs')) as { bundleRenderer: () => Promise<void> };
  await bundleRenderer();
  const h = await startHarness({ corpus: flag('--corpus'), port: Number(flag('--port') ?? 5178) });
  console.log(`Hashiya harness on ${h.url} (corpus: ${h.workspace.corpusRoot})`);
}
