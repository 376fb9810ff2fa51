// The privacy and terms pages over real HTTP, and the app package pointing at them (or at validated https URLs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startServer, type Running } from '../../src/server';

const ROOT = join(__dirname, '..', '..');
const APP_ID = '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';

async function bot(env: Record<string, string> = {}): Promise<Running> {
  return startServer(loadConfig({ PORT: '0', ...env }), { logger: createLogger('silent') });
}

/** Runs scripts/package.js (on the compiled tree) and returns its exit status, stderr and the manifest. */
function pkg(env: Record<string, string>) {
  const out = join(mkdtempSync(join(tmpdir(), 'pages-')), 'appPackage.zip');
  const p = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.js'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PRIVACY_URL: '', TERMS_URL: '', MICROSOFT_APP_ID: APP_ID, ...env },
  });
  const manifest = p.status === 0 ? JSON.parse(new AdmZip(out).readAsText('manifest.json')) : undefined;
  return { status: p.status, stderr: p.stderr, manifest };
}

let running: Running;
let base: string;
beforeAll(async () => {
  running = await bot();
  base = `http://127.0.0.1:${running.port}`;
});
afterAll(() => running.close());

test.each(['/privacy', '/terms'])('GET %s is a self-contained HTML page', async (path) => {
  const res = await fetch(base + path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  const body = await res.text();
  expect(body).toMatch(/^<!doctype html>/);
  // no external assets: no scripts, images, stylesheets or absolute links
  expect(body).not.toMatch(/<script|<img|<link|<iframe|src=|https?:\/\//i);
  const head = await fetch(base + path, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
});

test('the privacy page says what is read, kept and logged, as this deployment is configured', async () => {
  const page = await (await fetch(`${base}/privacy`)).text();
  expect(page).toMatch(/What it reads[\s\S]*never reads Kubernetes Secrets/);
  expect(page).toMatch(/in the bot’s memory only \(at most 10,000 conversations/);
  expect(page).toMatch(/One line per message[\s\S]*user id and display name, the question/);
  expect(page).toMatch(/20 questions a minute/);
  const blob = await bot({
    PACKET_PATH_STATE_BLOB_CONNECTION_STRING:
      'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net',
    PACKET_PATH_STATE_BLOB_CONTAINER: 'bot-state',
    PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0',
  });
  try {
    const there = await (await fetch(`http://127.0.0.1:${blob.port}/privacy`)).text();
    expect(there).toMatch(/Azure Blob Storage container <code>bot-state<\/code>/);
    expect(there).toMatch(/without a limit/);
    expect(there).not.toMatch(/AccountKey|c2VjcmV0|AccountName=x/);
  } finally {
    await blob.close();
  }
});

test('unknown pages stay 404', async () => {
  expect((await fetch(`${base}/privacy.html`)).status).toBe(404);
  expect((await fetch(`${base}/terms/x`)).status).toBe(404);
});

test('the package links the pages the bot serves by default', async () => {
  const p = pkg({ BOT_DOMAIN: 'packet-path.contoso.com' });
  expect(p.stderr).toBe('');
  const { privacyUrl, termsOfUseUrl } = p.manifest.developer;
  expect([privacyUrl, termsOfUseUrl]).toEqual([
    'https://packet-path.contoso.com/privacy',
    'https://packet-path.contoso.com/terms',
  ]);
  // the same paths answer 200 on the running bot
  for (const url of [privacyUrl, termsOfUseUrl]) expect((await fetch(base + new URL(url).pathname)).status).toBe(200);
});

test('configured privacy and terms URLs go into the manifest only when they are https', () => {
  const ok = pkg({
    BOT_DOMAIN: 'packet-path.contoso.com',
    PACKET_PATH_PRIVACY_URL: 'https://contoso.com/legal/privacy',
    PACKET_PATH_TERMS_URL: 'https://contoso.com/legal/terms',
  });
  expect(ok.status).toBe(0);
  expect(ok.manifest.developer.privacyUrl).toBe('https://contoso.com/legal/privacy');
  expect(ok.manifest.developer.termsOfUseUrl).toBe('https://contoso.com/legal/terms');
  const http = pkg({ BOT_DOMAIN: 'packet-path.contoso.com', PACKET_PATH_PRIVACY_URL: 'http://contoso.com/privacy' });
  expect(http.status).toBe(2);
  expect(http.stderr).toMatch(/PACKET_PATH_PRIVACY_URL must be an https URL/);
  const userInfo = pkg({
    BOT_DOMAIN: 'packet-path.contoso.com',
    PACKET_PATH_TERMS_URL: 'https://me:hunter2@contoso.com/terms',
  });
  expect(userInfo.status).toBe(2);
  expect(userInfo.stderr).toMatch(/PACKET_PATH_TERMS_URL must not carry user info/);
  expect(userInfo.stderr).not.toMatch(/hunter2/);
  const local = pkg({ BOT_DOMAIN: 'packet-path.contoso.com', PACKET_PATH_TERMS_URL: 'https://localhost/terms' });
  expect(local.status).toBe(2);
  expect(pkg({ BOT_DOMAIN: 'packet-path.contoso.com', PACKET_PATH_TERMS_URL: 'not a url' }).status).toBe(2);
});
