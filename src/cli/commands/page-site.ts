/**
 * The what-if page as files, and a server for them. The page itself (page/, bundled by
 * `npm run build` into dist/page-bundle/) is prebuilt; `desksim page` copies it with the
 * Vega runtimes and puts the scenarios, resolved, into its index.html.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptJson } from '../../report/escape.js';

/** The placeholder in the page's index.html that the scenarios replace. */
const SCENARIOS_PLACEHOLDER = '{{SCENARIOS}}';
/** The page's script: a directory holding it is a page desksim wrote. */
export const PAGE_SCRIPT = 'desksim-page.js';

/** One scenario inside the page (see page/protocol.ts, PageScenario). */
export interface SiteScenario {
  id: string;
  name: string;
  description?: string;
  file: string;
  yaml: string;
}

/** Where the built bundle is: dist/page-bundle/, from dist/cli/commands or from src/cli/commands. */
export function bundleDirectory(): string | undefined {
  const candidates = ['../../page-bundle/', '../../../dist/page-bundle/'].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  return candidates.find(
    (directory) => existsSync(join(directory, PAGE_SCRIPT)) && existsSync(join(directory, 'index.html')),
  );
}

/** Every file of the site: path relative to the site → content. */
export function siteFiles(bundle: string, scenarios: readonly SiteScenario[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const template = readFileSync(join(bundle, 'index.html'), 'utf8');
  if (!template.includes(SCENARIOS_PLACEHOLDER))
    throw new Error(`${join(bundle, 'index.html')} has no ${SCENARIOS_PLACEHOLDER}: rebuild with npm run build`);
  files.set('index.html', Buffer.from(template.replace(SCENARIOS_PLACEHOLDER, () => scriptJson(scenarios))));
  for (const name of readdirSync(bundle)) if (name !== 'index.html') files.set(name, readFileSync(join(bundle, name)));
  // The packages export only their modules; their browser builds sit beside them (as for report.html).
  const require = createRequire(import.meta.url);
  for (const [pkg, file] of [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ] as const) {
    files.set(`vendor/${file}`, readFileSync(join(dirname(require.resolve(pkg)), file)));
  }
  return files;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function contentType(path: string): string {
  const extension = /\.[a-z]+$/.exec(path)?.[0] ?? '';
  return TYPES[extension] ?? 'application/octet-stream';
}

/** A running server and how to stop it. */
export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves exactly the given files, read-only: GET and HEAD of a known path, nothing else.
 * A request is matched against the list of the site's files, never mapped onto the disk,
 * so no path (`/../package.json`, `%2e%2e%2f`, `..%5c`) can reach another file: all 404.
 */
export function serveSite(
  files: ReadonlyMap<string, Buffer>,
  options: { host: string; port: number },
): Promise<SiteServer> {
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('read-only\n');
      return;
    }
    let path: string | undefined;
    try {
      const raw = (request.url ?? '/').split('?')[0]!.split('#')[0]!;
      path = decodeURIComponent(raw).replace(/^\/+/, '');
    } catch {
      path = undefined;
    }
    if (path === '') path = 'index.html';
    const body = path === undefined ? undefined : files.get(path);
    if (path === undefined || body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': contentType(path),
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  return new Promise((resolve, reject) => {
    const server = createServer(handle);
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
