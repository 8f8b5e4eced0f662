/**
 * The built site must work from any sub-path of a plain static file server (as on a code
 * host's project page), not only from the root that `vite preview` serves.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { ghostsReady, readValue, watchPage } from './helpers';

const PREFIX = '/some/dir/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  const root = join(process.cwd(), process.env.ATLAS_DIST ?? 'dist');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html');
    const file = join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    readFile(file)
      .then((body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the production build runs from a sub-path of a static server', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(`${origin}${PREFIX}?v=1&view=ghosts&tau=1`);
  await ghostsReady(page);
  expect(await readValue(page, 'rho-star')).toBeCloseTo(1.708092882245, 9);
  expect(await readValue(page, 'r-ratio')).toBeCloseTo(1 / 1.16355283466, 9);
  expect(watch.errors).toEqual([]);
  await expect(page).toHaveURL(new RegExp(`${PREFIX}\\?v=1`));
});
