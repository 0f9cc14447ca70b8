/**
 * A local fixture site: the files of one fixtures folder served on 127.0.0.1 (port 0) under
 * one or more path prefixes, with per-file headers. Each prefix is its own "site" to Beckon
 * (its own match pattern), so one server can hold a site that opted in and one that did not.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

export interface StaticSiteOptions {
  /** Absolute folder of the files (ending in `/`). */
  dir: string;
  /** Path prefixes it answers under, e.g. `['hostile']` serves `/hostile/<file>`. */
  prefixes: string[];
  /** Extra headers of a file, by name and prefix (default: none). */
  headers?: (file: string, prefix: string) => Record<string, string>;
}

export interface StaticSite {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

/** Starts the site; a request for anything but a plain file name of the folder is a 404. */
export async function startStaticSite({ dir, prefixes, headers = () => ({}) }: StaticSiteOptions): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const match = /^\/([a-z0-9-]+)\/([a-z0-9-]+\.(?:html|js|css))$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, name] = match ? [match[1]!, match[2]!] : [];
    if (!prefix || !name || !prefixes.includes(prefix)) {
      res.writeHead(404).end();
      return;
    }
    readFile(dir + name).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[name.split('.').pop()!]!, 'Cache-Control': 'no-store', ...headers(name, prefix) }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
