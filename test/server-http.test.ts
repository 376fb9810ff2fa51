// The HTTP behaviour around the routes, over raw sockets against the started server: 404 and 405 with their
// bodies and `Allow`, HEAD, the `Server` header, keep-alive, refusals that close the connection, the adapter's
// reply to an activity, and a close that does not wait for idle kept-alive connections.
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import { SnapshotInventory } from '../src/inventory/snapshot';
import { createLogger } from '../src/log';
import { startServer, type Running } from '../src/server';
import { Connector, messageActivity } from './helpers/connector';
import { demoCopy } from './helpers/fixtures';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the HTTP/1.1 responses in `text` (Content-Length framed; HEAD and 1xx have no body). */
function parse(text: string, heads: boolean[]): Reply[] {
  const out: Reply[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [line, ...fields] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]),
    );
    const status = Number(line.split(' ')[1]);
    const length = status < 200 || heads[out.length] ? 0 : Number(headers['content-length'] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    rest = rest.slice(end + 4 + length);
    if (status >= 200) out.push({ status, headers, body });
  }
  return out;
}

/**
 * Writes `requests` on one connection; the replies, and whether the server closed the connection (watched for
 * `settleMs` after the last reply, or until `waitMs`).
 */
function exchange(port: number, requests: string[], waitMs = 5000, settleMs = 150) {
  return new Promise<{ replies: Reply[]; closed: boolean }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let settle: NodeJS.Timeout | undefined;
    const heads = requests.map((r) => r.startsWith('HEAD '));
    const done = (closed: boolean) => {
      clearTimeout(timer);
      clearTimeout(settle);
      socket.destroy();
      resolve({ replies: parse(text, heads), closed });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (d) => {
      text += d;
      if (!settle && parse(text, heads).length >= requests.length) settle = setTimeout(() => done(false), settleMs);
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
    socket.write(requests.join(''));
  });
}

const req = (method: string, path: string, headers: Record<string, string | number> = {}, body = '') =>
  `${method} ${path} HTTP/1.1\r\nHost: x\r\n` +
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') +
  `\r\n${body}`;

const json = (body: unknown) => {
  const text = JSON.stringify(body);
  return { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), text };
};

let connector: Connector;
let running: Running;
const logged: string[] = [];
beforeAll(async () => {
  connector = await new Connector().start();
  const sink = new Writable({ write: (c, _e, cb) => (logged.push(String(c)), cb()) });
  const config = loadConfig({ PORT: '0', PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0' });
  running = await startServer(config, {
    logger: createLogger('info', sink),
    inventory: SnapshotInventory.load(demoCopy()),
  });
});
afterAll(async () => {
  await running?.close();
  await connector.stop();
});

test('an unknown path is 404 with a JSON body naming the path (no query), for any method', async () => {
  const { replies, closed } = await exchange(running.port, [
    req('GET', '/nope?x=1'),
    req('POST', '/api/messages/', { 'Content-Length': 0 }),
    req('GET', '/HEALTHZ'),
    req('HEAD', '/nope'),
  ]);
  expect(replies.map((r) => r.status)).toEqual([404, 404, 404, 404]);
  expect(JSON.parse(replies[0].body)).toEqual({ code: 'ResourceNotFound', message: '/nope does not exist' });
  expect(replies[0].headers['content-type']).toBe('application/json');
  expect(JSON.parse(replies[1].body).message).toBe('/api/messages/ does not exist');
  expect(replies[3].headers['content-length']).toBeUndefined();
  expect(replies.every((r) => r.headers.server === 'packet-path')).toBe(true);
  expect(closed).toBe(false);
});

test('a known path with another method is 405 with `Allow`; probes do not answer HEAD, pages do', async () => {
  const { replies } = await exchange(running.port, [
    req('GET', '/api/messages'),
    req('POST', '/healthz', { 'Content-Length': 3 }, 'abc'),
    req('DELETE', '/privacy'),
    req('HEAD', '/readyz'),
    req('HEAD', '/terms'),
    req('GET', '/readyz'),
  ]);
  expect(replies.map((r) => [r.status, r.headers.allow])).toEqual([
    [405, 'POST'],
    [405, 'GET'],
    [405, 'GET, HEAD'],
    [405, 'GET'],
    [200, undefined],
    [200, undefined],
  ]);
  expect(JSON.parse(replies[0].body)).toEqual({ code: 'MethodNotAllowed', message: 'GET is not allowed' });
  expect(JSON.parse(replies[1].body)).toEqual({ code: 'MethodNotAllowed', message: 'POST is not allowed' });
  expect(replies[3].body).toBe('');
  expect(replies[4].headers['content-type']).toBe('text/html; charset=utf-8');
  expect(Number(replies[4].headers['content-length'])).toBeGreaterThan(500);
  expect(JSON.parse(replies[5].body)).toEqual({ ready: true, pending: [] });
});

test('probes keep the connection alive; HTTP/1.0 and `Connection: close` close it', async () => {
  const alive = await exchange(running.port, [req('GET', '/healthz'), req('GET', '/healthz?probe=1')]);
  expect(alive.replies.map((r) => r.status)).toEqual([200, 200]);
  expect(alive.replies[0].headers.connection).toBe('keep-alive');
  expect(JSON.parse(alive.replies[1].body)).toEqual({ status: 'ok', inventory: 'snapshot' });
  expect(alive.closed).toBe(false);
  expect((await exchange(running.port, ['GET /healthz HTTP/1.0\r\n\r\n'])).closed).toBe(true);
  expect((await exchange(running.port, [req('GET', '/readyz', { Connection: 'close' })])).closed).toBe(true);
});

test('a body over 1 MB is 413 by its length or as it streams, and the connection is closed', async () => {
  const byLength = await exchange(running.port, [
    req('POST', '/api/messages', { 'Content-Type': 'application/json', 'Content-Length': 2_000_000 }, '{}'),
  ]);
  expect(byLength.replies.map((r) => [r.status, r.body])).toEqual([[413, '{"error":"payload too large"}']]);
  expect(byLength.closed).toBe(true);
  const chunk = 'x'.repeat(256 * 1024);
  const chunks = Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
  const streamed = await exchange(
    running.port,
    [req('POST', '/api/messages', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, chunks)],
    5000,
  );
  expect(streamed.replies.map((r) => [r.status, r.headers.connection])).toEqual([[413, 'close']]);
  expect(streamed.closed).toBe(true);
});

test('an activity gets the adapter reply (200, empty) on a kept-alive connection', async () => {
  const a = json(messageActivity(connector.url, 'help', { id: 'http-1' }));
  const { replies, closed } = await exchange(
    running.port,
    [
      req(
        'POST',
        '/api/messages',
        { 'Content-Type': a['Content-Type'], 'Content-Length': a['Content-Length'] },
        a.text,
      ),
    ],
    20_000,
  );
  expect(replies.map((r) => [r.status, r.headers['content-length'], r.headers.server])).toEqual([
    [200, '0', 'packet-path'],
  ]);
  expect(closed).toBe(false);
  expect(connector.messages().some((m) => m.body.replyToId === 'http-1')).toBe(true);
});

test('close ends idle kept-alive connections, then refuses new ones', async () => {
  const config = loadConfig({ PORT: '0' });
  const other = await startServer(config, {
    logger: createLogger('silent'),
    inventory: SnapshotInventory.load(demoCopy()),
  });
  const socket = connect(other.port, '127.0.0.1');
  const ended = new Promise<void>((r) => socket.on('end', r).on('close', () => r()));
  let text = '';
  socket.on('data', (d) => (text += d));
  socket.write(req('GET', '/healthz'));
  while (!text.includes('"status":"ok"')) await new Promise((r) => setTimeout(r, 10));
  const t0 = Date.now();
  await other.close();
  await ended;
  expect(Date.now() - t0).toBeLessThan(4000);
  await expect(fetch(`http://127.0.0.1:${other.port}/healthz`)).rejects.toThrow();
});
