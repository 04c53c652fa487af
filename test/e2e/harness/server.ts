// The fixture web: pages modelled on each client, served over HTTPS at their real host names.
//
// Browsers reach it through a tiny forward proxy rather than DNS tricks: Firefox can map a name to
// 127.0.0.1 (network.dns.localDomains) but not to a port, and port 443 may be taken. Both browsers
// send `CONNECT host:443` to the proxy, which pipes fixture hosts to the HTTPS server and refuses
// (and records) every other host, so a privacy test sees any request the extension tries to make,
// wherever it was going.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const SITES_DIR = join(REPO_ROOT, 'test/fixtures/sites');
/** Pages built from the real boards' npm packages (see realBoards.ts), one dir per host. */
export const REAL_SITES_DIR = join(REPO_ROOT, '.cache/real-boards');

/** Hosts always served, whether or not a fixture dir exists yet; dirs under the sites root add to these. */
export const DEFAULT_FIXTURE_HOSTS = [
  'app.zoom.us',
  'teams.microsoft.com',
  'meet.google.com',
  'miro.com',
  'app.mural.co',
  'flinga.fi',
  'excalidraw.com',
  'www.tldraw.com',
  'whiteboard.microsoft.com',
  'unlisted.example',
] as const;

export interface RecordedRequest {
  method: string;
  host: string;
  /** Path and query; `host:port` for a refused CONNECT. */
  url: string;
  /** True when a fixture host answered from its files; false for unknown hosts and missing files. */
  fixture: boolean;
  status: number;
  via: 'https' | 'http-proxy' | 'connect';
  at: number;
}

/**
 * Hosts the browsers call on their own despite the launch flags and prefs (Chromium's updater and
 * sign-in, Firefox's remote settings). Privacy tests leave these out; the proxy refuses them anyway.
 */
export const BROWSER_OWN_HOSTS: readonly string[] = [
  'accounts.google.com',
  'clients2.google.com',
  'update.googleapis.com',
  'firefox.settings.services.mozilla.com',
];

/** Requests that neither a fixture page nor the browser itself explains: what a privacy test asserts is empty. */
export function unexpectedRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => !r.fixture && !BROWSER_OWN_HOSTS.includes(r.host));
}

/** What tests need from the server; the same shape in the process that runs it and in test workers. */
export interface FixtureServerInfo {
  httpsPort: number;
  proxyPort: number;
  hosts: string[];
}

export interface FixtureServer extends FixtureServerInfo {
  /** `https://<host>`: the URL a browser under the harness uses (no port; the proxy routes it). */
  origin(host: string): string;
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  /**
   * The fixture hosts that served a page or file since the last call (a browser shared between
   * files clears their site data before the next file: useExtension in e2e.ts). Kept apart from
   * the request log, which tests clear.
   */
  takeServedHosts(): Promise<string[]>;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  sitesDir?: string;
  /** Where the real board pages were built (realBoards.ts); a host without one there is served its fixture. */
  realDir?: string;
  httpsPort?: number;
  proxyPort?: number;
  certDir?: string;
  hosts?: string[];
}

const CONTROL_PATH = '/_harness/requests';
const SERVED_PATH = '/_harness/served-hosts';
/**
 * On any fixture host, answers with Clear-Site-Data for that host's origin (its storage, cookies
 * and cache), and is left out of the request log: the harness's own reset between files, not a
 * page's request.
 */
export const CLEAR_SITE_DATA_PATH = '/_vuoro-harness/clear-site-data';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

export function fixtureHosts(sitesDir = SITES_DIR): string[] {
  const present = existsSync(sitesDir)
    ? readdirSync(sitesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
        .map((d) => d.name)
    : [];
  return [...new Set([...DEFAULT_FIXTURE_HOSTS, ...present])].sort();
}

/** A throwaway CA and one leaf for every fixture host, made once per host list and cached (never committed). */
export function ensureCertificates(hosts: string[], certDir = join(REPO_ROOT, '.cache/e2e-certs')) {
  const tag = createHash('sha256').update(hosts.join(',')).digest('hex').slice(0, 12);
  const dir = join(certDir, tag);
  const paths = { ca: join(dir, 'ca.pem'), cert: join(dir, 'leaf.pem'), key: join(dir, 'leaf.key') };
  if (!existsSync(paths.cert)) {
    mkdirSync(dir, { recursive: true });
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=Vuoro e2e CA',
      '-keyout', 'ca.key', '-out', 'ca.pem');
    run('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Vuoro e2e fixtures', '-keyout', 'leaf.key',
      '-out', 'leaf.csr');
    const san = ['localhost', ...hosts].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
    execFileSync('sh', ['-c', `printf 'subjectAltName=%s\\nextendedKeyUsage=serverAuth\\n' "$SAN" > leaf.ext`], {
      cwd: dir,
      env: { ...process.env, SAN: san },
    });
    run('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '825',
      '-sha256', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
  }
  return paths;
}

/**
 * Maps a request path to a file of the host: the path itself or path + '.html' among the hand-written
 * fixtures, then among the real board page's files (realDir), else the real page's or the fixture's index.html.
 */
export function resolveFixtureFile(sitesDir: string, host: string, pathname: string, realDir = REAL_SITES_DIR): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const shared = decoded.startsWith('/_shared/');
  const base = shared ? join(sitesDir, '_shared') : join(sitesDir, host);
  const rel = normalize(shared ? decoded.slice('/_shared'.length) : decoded);
  const candidate = join(base, rel);
  if (candidate !== base && !candidate.startsWith(base + sep)) return undefined;
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  if (isFile(candidate)) return candidate;
  if (isFile(`${candidate}.html`)) return `${candidate}.html`;
  const real = join(realDir, host);
  const realCandidate = join(real, rel);
  const hasReal = !shared && realCandidate.startsWith(real + sep) && isFile(join(real, 'index.html'));
  if (hasReal && isFile(realCandidate)) return realCandidate;
  // Missing assets 404 instead of answering with HTML, so a broken fixture script fails loudly.
  const ext = decoded.endsWith('/') ? '' : extname(decoded);
  if (shared || (ext !== '' && ext !== '.html')) return undefined;
  if (hasReal) return join(real, 'index.html');
  const index = join(base, 'index.html');
  return isFile(index) ? index : undefined;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const sitesDir = resolve(options.sitesDir ?? process.env.VUORO_SITES_DIR ?? SITES_DIR);
  const realDir = resolve(options.realDir ?? REAL_SITES_DIR);
  const hosts = options.hosts ?? fixtureHosts(sitesDir);
  const known = new Set(hosts);
  const tls = ensureCertificates(hosts, options.certDir);
  const log: RecordedRequest[] = [];
  const served = new Set<string>();
  const takeServed = () => {
    const hosts = [...served];
    served.clear();
    return hosts;
  };
  const tunnels = new Set<Duplex>();
  let httpsPort = 0;

  const serveFixture = (req: IncomingMessage, res: ServerResponse, host: string, path: string, via: RecordedRequest['via']) => {
    const record = (status: number, fixture: boolean) =>
      log.push({ method: req.method ?? 'GET', host, url: path, fixture, status, via, at: Date.now() });
    const headers = { 'Cache-Control': 'no-store' };
    if (!known.has(host)) {
      record(404, false);
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Unknown host ${host}\n`);
      return;
    }
    const pathname = path.split('?')[0] ?? '/';
    if (pathname === CLEAR_SITE_DATA_PATH) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Clear-Site-Data': '"cache", "cookies", "storage"' }).end('<!doctype html><title>cleared</title>');
      return;
    }
    served.add(host);
    if (pathname === '/favicon.ico') {
      record(204, true);
      res.writeHead(204, headers).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      record(405, false);
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveFixtureFile(sitesDir, host, pathname, realDir);
    if (!file) {
      record(404, false);
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`No fixture for ${host}${pathname}\n`);
      return;
    }
    const body = readFileSync(file);
    record(200, true);
    res.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const https = createHttpsServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    serveFixture(req, res, host, req.url ?? '/', 'https');
  });

  // The proxy also answers the harness's own control requests (origin-form, so never a browser's).
  const proxy = createHttpServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/')) {
      if (url === SERVED_PATH) return void res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(takeServed()));
      if (url !== CONTROL_PATH) return void res.writeHead(404).end();
      if (req.method === 'DELETE') log.length = 0;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(log));
      return;
    }
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return void res.writeHead(400).end();
    }
    serveFixture(req, res, target.hostname.toLowerCase(), target.pathname + target.search, 'http-proxy');
  });
  proxy.on('connect', (req: IncomingMessage, socket, head: Buffer) => {
    const authority = req.url ?? '';
    const host = authority.replace(/:\d+$/, '').toLowerCase();
    socket.on('error', () => socket.destroy());
    if (!known.has(host)) {
      log.push({ method: 'CONNECT', host, url: authority, fixture: false, status: 502, via: 'connect', at: Date.now() });
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => {
      tunnels.delete(socket);
      upstream.destroy();
    });
  });

  const listen = (server: Server, port: number) =>
    new Promise<number>((done, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => done((server.address() as AddressInfo).port));
    });
  httpsPort = await listen(https, options.httpsPort ?? 0);
  const proxyPort = await listen(proxy, options.proxyPort ?? 0);

  return {
    httpsPort,
    proxyPort,
    hosts,
    origin: (host) => `https://${host}`,
    requests: async () => log.map((r) => ({ ...r })),
    clearRequests: async () => void (log.length = 0),
    takeServedHosts: async () => takeServed(),
    close: () =>
      new Promise<void>((done) => {
        for (const tunnel of tunnels) tunnel.destroy();
        https.closeAllConnections();
        proxy.closeAllConnections();
        let open = 2;
        const one = () => void (--open === 0 && done());
        https.close(one);
        proxy.close(one);
      }),
  };
}

/** The same server as seen from another process (a vitest worker): the log comes over the control path. */
export function connectFixtureServer(info: FixtureServerInfo): FixtureServer {
  const control = `http://127.0.0.1:${info.proxyPort}${CONTROL_PATH}`;
  return {
    ...info,
    origin: (host) => `https://${host}`,
    requests: async () => (await (await fetch(control)).json()) as RecordedRequest[],
    clearRequests: async () => void (await fetch(control, { method: 'DELETE' })).body?.cancel(),
    takeServedHosts: async () => (await (await fetch(`http://127.0.0.1:${info.proxyPort}${SERVED_PATH}`)).json()) as string[],
    close: async () => {},
  };
}
