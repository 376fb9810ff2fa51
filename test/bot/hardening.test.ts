// Issue 16: one regression test per finding, over real HTTP against the started server (finding 4, capture, is in
// capture-secrets.test.ts). RSS is measured in this process, where the server runs.
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, createGzip, deflateSync } from 'node:zlib';
import { ConfigError, loadConfig, type Config } from '../../src/config';
import { BoundedMemoryStorage } from '../../src/bot/storage';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { createLogger } from '../../src/log';
import { startServer, type Running, type ServerOptions } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';
import { demoCopy, edit } from '../helpers/fixtures';
import { OpenIdServer } from '../helpers/openid';

const APP_ID = '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';
const MB = 1024 * 1024;

let connector: Connector;
beforeAll(async () => {
  connector = await new Connector().start();
});
afterAll(() => connector.stop());

/** A logger writing JSON lines into an array, and the raw text. */
function memoryLog() {
  const lines: any[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      raw.push(String(chunk));
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { lines, raw, logger: createLogger('info', stream) };
}

async function bot(env: Record<string, string> = {}, o: ServerOptions = {}) {
  const log = memoryLog();
  const config: Config = loadConfig({ PORT: '0', PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0', ...env });
  const running = await startServer(config, { logger: log.logger, ...o });
  return { running, log, url: `http://127.0.0.1:${running.port}/api/messages` };
}

const reply = async (b: Running, activity: any) => {
  await post(`http://127.0.0.1:${b.port}/api/messages`, activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  return connector.messages().find((m) => m.body.replyToId === activity.id)!.body;
};

/** Peak RSS while fn runs (sampled every 5 ms), with the value just before. */
async function rssDuring<T>(fn: () => Promise<T>): Promise<{ idle: number; peak: number; result: T; ms: number }> {
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = Date.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { idle, peak, result, ms: Date.now() - t };
  } finally {
    clearInterval(timer);
  }
}

/** A JSON activity whose text is `mb` MB of "a", gzip-compressed (about 1 KB per MB). */
async function gzipBomb(mb: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = once(gz, 'end');
  const chunk = Buffer.alloc(MB, 0x61);
  gz.write(JSON.stringify(messageActivity(connector.url, '')).replace(/"text":""/, '"text":"'));
  for (let i = 0; i < mb; i++) if (!gz.write(chunk)) await once(gz, 'drain');
  gz.end('"}');
  await done;
  return Buffer.concat(out);
}

describe('request bodies before authentication', () => {
  let b: Awaited<ReturnType<typeof bot>>;
  beforeAll(async () => {
    b = await bot();
  });
  afterAll(() => b.running.close());

  test('1 (HIGH): a 256 MB gzip bomb is refused with 413 at the 1 MB cap; RSS stays within 100 MB of idle', async () => {
    const bomb = await gzipBomb(256);
    expect(bomb.length).toBeLessThan(MB);
    const m = await rssDuring(() =>
      fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      }),
    );
    expect(m.result.status).toBe(413);
    expect(m.peak - m.idle).toBeLessThan(100 * MB);
    expect(m.ms).toBeLessThan(5000); // ~20-40 ms here; generous for a loaded CI machine
    console.log(`gzip bomb ${bomb.length} B: 413 in ${m.ms} ms, RSS +${((m.peak - m.idle) / MB).toFixed(1)} MB`);
    expect(b.log.lines).toContainEqual(expect.objectContaining({ audit: 'rejected', status: 413, ip: '127.0.0.1' }));
    // brotli and deflate are capped the same way; a small compressed activity still works
    const br = brotliCompressSync(Buffer.from(JSON.stringify(messageActivity(connector.url, 'a'.repeat(2 * MB)))));
    const brRes = await fetch(b.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      body: br,
    });
    expect(brRes.status).toBe(413);
    const ok = messageActivity(connector.url, 'public ip of sqlapi');
    const okRes = await fetch(b.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      body: deflateSync(Buffer.from(JSON.stringify(ok))),
    });
    expect(okRes.status).toBe(200);
    const unknown = await fetch(b.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' },
      body: 'x',
    });
    expect(unknown.status).toBe(415);
  }, 60_000);

  test('2: a 5 MB multipart upload is refused with 415 before a byte is stored; nothing lands in TMPDIR', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'multipart-'));
    const prev = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const boundary = 'x-boundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        Buffer.alloc(5 * MB, 0x62),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const m = await rssDuring(() =>
        fetch(b.url, {
          method: 'POST',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          body,
        }),
      );
      expect(m.result.status).toBe(415);
      expect(m.peak - m.idle).toBeLessThan(100 * MB);
      expect(m.ms).toBeLessThan(5000);
      console.log(`multipart 5 MB: 415 in ${m.ms} ms, RSS +${((m.peak - m.idle) / MB).toFixed(1)} MB`);
      expect(readdirSync(tmp)).toEqual([]);
      // other media types and an oversized declared length are refused on the headers alone
      const form = await fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(form.status).toBe(415);
    } finally {
      if (prev === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = prev;
    }
  });

  test('12: a body trickled slower than the deadline is answered 408 and the socket closed', async () => {
    const slow = await bot({}, { bodyTimeoutMs: 500 });
    try {
      const socket = connect(slow.running.port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      let got = '';
      socket.on('data', (d) => (got += d));
      const t = Date.now();
      await once(socket, 'close');
      expect(got).toMatch(/^HTTP\/1.1 408/);
      expect(Date.now() - t).toBeLessThan(10_000);
    } finally {
      await slow.running.close();
    }
  });
});

test('3: URL-style env values show scheme://host:port, never the password (answer and "Show all")', async () => {
  const PW = 'Url-Pa55-canary';
  const dir = demoCopy();
  edit(dir, 'kubernetes/pods.json', (d) => {
    const pod = d.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    pod.spec.containers[0].env.push(
      { name: 'DATABASE_URL', value: `postgres://admin:${PW}@server.project1.svc.cluster.local:5432/db` },
      { name: 'AMQP_URL', value: `amqp://guest:${PW}@server.project1.svc:5672` },
      { name: 'MSSQL_URL', value: `sqlserver://sa:${PW}@server.project1.svc.cluster.local:1433` },
    );
  });
  const b = await bot({}, { inventory: SnapshotInventory.load(dir) });
  try {
    const short = await reply(b.running, messageActivity(connector.url, 'where is pod sqlapi?'));
    const all = await reply(
      b.running,
      messageActivity(connector.url, '', { value: { question: 'where is pod sqlapi?', full: true } }),
    );
    for (const r of [short, all]) {
      expect(JSON.stringify(r)).not.toContain(PW);
      expect(JSON.stringify(r)).not.toMatch(/admin:|guest:|sa:/);
    }
    expect(all.text).toContain('postgres://server.project1.svc.cluster.local:5432');
    expect(all.text).toContain('amqp://server.project1.svc:5672');
    expect(short.attachments[0].content.fallbackText).toContain('sqlserver://server.project1.svc.cluster.local:1433');
  } finally {
    await b.running.close();
  }
});

describe('5: tenants', () => {
  test('UserAssignedMSI and SingleTenant default to the bot tenant; MultiTenant does not start without a list', () => {
    const { allowedTenants } = require('../../src/config');
    const msi = { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'my-tenant' };
    expect(allowedTenants(loadConfig(msi))).toEqual(['my-tenant']);
    expect(allowedTenants(loadConfig({ ...msi, MicrosoftAppType: 'SingleTenant' }))).toEqual(['my-tenant']);
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'MultiTenant' })).toThrow(
      /PACKET_PATH_ALLOWED_TENANTS: required with a MultiTenant bot/,
    );
    expect(() => loadConfig({ MicrosoftAppId: APP_ID })).toThrow(/PACKET_PATH_ALLOWED_TENANTS/);
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' })).toThrow(
      /MicrosoftAppTenantId: required with UserAssignedMSI/,
    );
  });

  test('over HTTP, a UserAssignedMSI bot (the shipped deployment) refuses a valid token from a foreign tenant', async () => {
    // a local managed identity endpoint (the App Service protocol) hands out the bot's outbound token
    const msi = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      const expires = String(Math.floor(Date.now() / 1000) + 3600);
      res.end(
        JSON.stringify({ access_token: 'msi-token', expires_on: expires, token_type: 'Bearer', client_id: APP_ID }),
      );
    });
    await new Promise<void>((r) => msi.listen(0, '127.0.0.1', r));
    const env = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(msi.address() as { port: number }).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'test';
    const openid = await new OpenIdServer().start();
    const b = await bot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant-own',
      ToBotFromChannelOpenIdMetadataUrl: `${openid.url}/v1/.well-known/openidconfiguration`,
    });
    try {
      const ask = (id: string, tenantId: string) =>
        fetch(b.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${openid.token(APP_ID, connector.url)}`,
          },
          body: JSON.stringify(
            messageActivity(connector.url, 'public ip of sqlapi', {
              conversation: { id, conversationType: 'personal', tenantId },
            }),
          ),
        });
      expect((await ask('t5-foreign', 'tenant-other')).status).not.toBe(401);
      expect((await ask('t5-own', 'tenant-own')).status).not.toBe(401);
      const line = (id: string) => b.log.lines.find((l) => l.audit === 'turn' && l.conversation === id);
      expect(line('t5-foreign')).toMatchObject({ refused: 'tenant not allowed', tenant: 'tenant-other' });
      expect(line('t5-foreign').intent).toBeUndefined();
      expect(line('t5-own')).toMatchObject({ intent: 'egress', status: 'answered' });
      expect(line('t5-own').refused).toBeUndefined();
      const sent = (id: string) => {
        const body = connector.messages().find((m) => m.body.conversation?.id === id)?.body;
        return body?.text ?? body?.summary;
      };
      await connector.waitFor(() => !!sent('t5-foreign') && !!sent('t5-own'));
      expect(sent('t5-foreign')).toMatch(/not enabled for you here/);
      expect(sent('t5-own')).toMatch(/20\.105\.84\.161/);
    } finally {
      await b.running.close();
      await openid.stop();
      msi.close();
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});

describe('6: without credentials', () => {
  test('listens on 127.0.0.1 only, says so loudly, and refuses to go beyond loopback or live without the flag', async () => {
    const b = await bot();
    try {
      expect((b.running.server.address() as { address: string }).address).toBe('127.0.0.1');
      expect(b.log.lines).toContainEqual(
        expect.objectContaining({ level: 40, msg: expect.stringMatching(/^NO AUTHENTICATION/) }),
      );
    } finally {
      await b.running.close();
    }
    await expect(bot({ PACKET_PATH_HOST: '0.0.0.0' })).rejects.toThrow(ConfigError);
    await expect(bot({ PACKET_PATH_HOST: '0.0.0.0' })).rejects.toThrow(/PACKET_PATH_INSECURE_NO_AUTH/);
    await expect(bot({ PACKET_PATH_LIVE: 'true' })).rejects.toThrow(/live data without Bot Framework credentials/);
    await expect(bot({ PACKET_PATH_CLUSTERS: 'a=demo,b=in-cluster' })).rejects.toThrow(/PACKET_PATH_INSECURE_NO_AUTH/);
  });

  test('posts replies only to loopback service URLs: any other serviceUrl is 403, nothing sent', async () => {
    const b = await bot();
    // a server on a non-loopback address of this machine would receive the reply if it were sent
    const seen: string[] = [];
    try {
      for (const serviceUrl of [
        'http://10.255.255.1:9/',
        'https://smba.example.com/amer/',
        'http://127.0.0.1.nip.io/',
      ]) {
        const before = connector.activities.length;
        const res = await fetch(b.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(messageActivity(serviceUrl, 'public ip of sqlapi')),
        });
        seen.push(`${serviceUrl} ${res.status}`);
        expect(res.status).toBe(403);
        expect(connector.activities.length).toBe(before);
      }
      expect(b.log.lines.filter((l) => l.audit === 'rejected' && l.status === 403)).toHaveLength(3);
      const ok = await reply(b.running, messageActivity(connector.url.replace('127.0.0.1', 'localhost'), 'help'));
      expect(ok.summary).toBeTruthy();
    } finally {
      await b.running.close();
    }
  });
});

test('7: 1 MB of "<at>" without a closing tag is answered quickly; /healthz answers meanwhile', async () => {
  const b = await bot();
  try {
    const text = '<at>'.repeat(250_000);
    const a = messageActivity(connector.url, text);
    const t = Date.now();
    const pending = reply(b.running, a);
    const health = await fetch(`http://127.0.0.1:${b.running.port}/healthz`);
    expect(health.status).toBe(200);
    const r = await pending;
    const ms = Date.now() - t;
    console.log(`1 MB of <at>: replied in ${ms} ms`);
    expect(r.summary).toBeTruthy();
    expect(ms).toBeLessThan(5000); // ~100 ms here; the quadratic pattern took tens of seconds
    // and a mention among them still reads
    const m = await reply(
      b.running,
      messageActivity(connector.url, `<at>packet-path</at> public ip of sqlapi ${'<at>'.repeat(100)}`, {
        entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'packet-path' }, text: '<at>packet-path</at>' }],
      }),
    );
    expect(m.summary).toMatch(/20\.105\.84\.161/);
  } finally {
    await b.running.close();
  }
});

test('8: conversation state in memory is bounded (LRU): 30 conversations, at most 10 kept', async () => {
  const storage = new BoundedMemoryStorage(10);
  const b = await bot({}, { storage });
  try {
    for (let i = 0; i < 30; i++)
      await reply(
        b.running,
        messageActivity(connector.url, 'what is 10.129.2.7', {
          conversation: { id: `c-lru-${i}`, conversationType: 'personal', tenantId: 't' },
        }),
      );
    expect(storage.size).toBeLessThanOrEqual(10);
    expect(storage.size).toBeGreaterThan(0);
    // the most recent conversation is still remembered, the first is gone
    const keys = Object.keys((storage as unknown as { memory: object }).memory).join(' ');
    expect(keys).toContain('c-lru-29');
    expect(keys).not.toContain('c-lru-0/');
  } finally {
    await b.running.close();
  }
  // and entries idle beyond the TTL go
  let now = 0;
  const ttl = new BoundedMemoryStorage(100, 1000, () => now);
  await ttl.write({ a: { x: 1 } });
  now = 2000;
  await ttl.write({ b: { x: 1 } });
  expect(ttl.size).toBe(1);
});

test('9: the text fallback is escaped: an env value cannot become a link', async () => {
  const dir = demoCopy();
  edit(dir, 'kubernetes/pods.json', (d) => {
    const pod = d.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    pod.spec.containers[0].env.push({
      name: 'LOGIN',
      value: '[Re-authenticate here](https://evil.example/login) server.project1.svc.cluster.local',
    });
  });
  const b = await bot({}, { inventory: SnapshotInventory.load(dir) });
  try {
    const r = await reply(b.running, messageActivity(connector.url, 'where is pod sqlapi?'));
    const fallback = r.attachments[0].content.fallbackText;
    expect(fallback).toContain('Re-authenticate here');
    expect(fallback).not.toMatch(/(?<!\\)\[Re-authenticate here(?<!\\)\]\(/);
    expect(fallback).toContain('\\[Re-authenticate here\\]');
  } finally {
    await b.running.close();
  }
});

test('10: with team/channel lists, chats are refused unless PACKET_PATH_ALLOW_CHATS=true', async () => {
  const channel = (id: string) => ({
    conversation: { id, conversationType: 'channel', tenantId: 't' },
    channelData: { team: { id: 'team-1' }, channel: { id: 'chan-1' }, tenant: { id: 't' } },
  });
  const chat = (id: string, type: string) => ({ conversation: { id, conversationType: type, tenantId: 't' } });
  const closed = await bot({ PACKET_PATH_ALLOWED_TEAMS: 'team-1' });
  try {
    expect((await reply(closed.running, messageActivity(connector.url, 'help', channel('t10-c')))).summary).not.toMatch(
      /not enabled/,
    );
    for (const type of ['personal', 'groupChat'])
      expect(
        (await reply(closed.running, messageActivity(connector.url, 'help', chat(`t10-${type}`, type)))).text,
      ).toMatch(/not enabled for you here/);
    expect(closed.log.lines).toContainEqual(expect.objectContaining({ refused: 'chat not allowed' }));
  } finally {
    await closed.running.close();
  }
  const open = await bot({ PACKET_PATH_ALLOWED_TEAMS: 'team-1', PACKET_PATH_ALLOW_CHATS: 'true' });
  try {
    const r = await reply(open.running, messageActivity(connector.url, 'help', chat('t10-open', 'personal')));
    expect(r.summary).not.toMatch(/not enabled/);
  } finally {
    await open.running.close();
  }
});

describe('11 and 12: audit lines, bare 401s, probes', () => {
  let openid: OpenIdServer;
  let b: Awaited<ReturnType<typeof bot>>;
  let stderr: string[];
  const write = process.stderr.write.bind(process.stderr);
  const errors = console.error;
  beforeAll(async () => {
    openid = await new OpenIdServer().start();
    b = await bot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-offline',
      MicrosoftAppType: 'MultiTenant',
      PACKET_PATH_ALLOWED_TENANTS: 'tenant-1',
      ToBotFromChannelOpenIdMetadataUrl: `${openid.url}/v1/.well-known/openidconfiguration`,
    });
    stderr = [];
    process.stderr.write = ((s: string) => (stderr.push(String(s)), true)) as typeof process.stderr.write;
  });
  afterAll(async () => {
    process.stderr.write = write;
    console.error = errors;
    await b.running.close();
    await openid.stop();
  });

  test('11: each refused token is one capped audit line with the client IP, and nothing on stderr', async () => {
    const before = b.log.lines.length;
    const tokens = [
      undefined,
      'Bearer not-a-jwt',
      `Bearer ${openid.forged(APP_ID, connector.url)}`,
      `Bearer ${openid.token(APP_ID, connector.url, { expiresIn: -600 })}`,
      `Bearer ${openid.token(APP_ID, connector.url, { audience: '00000000-0000-0000-0000-000000000000' })}`,
      `Bearer ${openid.token(APP_ID, 'http://127.0.0.1:1')}`, // serviceurl claim differs from the activity
    ];
    for (const t of tokens) {
      const res = await fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(t ? { authorization: t } : {}) },
        body: JSON.stringify(messageActivity(connector.url, 'hi', { from: { id: 'u', name: 'N'.repeat(900_000) } })),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized' }); // 12: no reason in the body
    }
    const audit = b.log.lines.slice(before).filter((l) => l.audit === 'rejected');
    expect(audit).toHaveLength(tokens.length);
    for (const l of audit) expect(l).toMatchObject({ status: 401, ip: '127.0.0.1', reason: expect.any(String) });
    expect(b.log.raw.slice(-tokens.length).every((s) => s.length < 2000)).toBe(true);
    expect(stderr.join('')).toBe('');
  });

  test('11: an answered turn logs the client IP; a 900 KB user name is capped', async () => {
    const noCreds = await bot();
    try {
      await reply(
        noCreds.running,
        messageActivity(connector.url, 'help', { from: { id: 'u', name: 'N'.repeat(900_000), aadObjectId: 'a' } }),
      );
      const line = noCreds.log.lines.find((l) => l.audit === 'turn');
      expect(line).toMatchObject({ ip: '127.0.0.1' });
      expect(line.userName.length).toBeLessThanOrEqual(101);
      expect(noCreds.log.raw.every((s) => s.length < 20_000)).toBe(true);
    } finally {
      await noCreds.running.close();
    }
  });

  test('12: /healthz and /readyz give status, not the snapshot path or API server URL; timeouts and a connection cap are set', async () => {
    const dir = demoCopy();
    const snap = await bot({}, { inventory: SnapshotInventory.load(dir) });
    try {
      const health = await (await fetch(`http://127.0.0.1:${snap.running.port}/healthz`)).text();
      const ready = await (await fetch(`http://127.0.0.1:${snap.running.port}/readyz`)).text();
      expect(JSON.parse(health)).toEqual({ status: 'ok', inventory: 'snapshot' });
      expect(JSON.parse(ready)).toEqual({ ready: true, pending: [] });
      expect(health + ready).not.toContain(dir);
      const http = snap.running.server.server;
      expect(http.headersTimeout).toBeLessThanOrEqual(10_000);
      expect(http.requestTimeout).toBeLessThanOrEqual(30_000);
      expect(http.maxConnections).toBe(256);
    } finally {
      await snap.running.close();
    }
    // a keep-alive client gets its answer and the same limits; plain http.request works too
    const res = await new Promise<number>((resolve, reject) =>
      request(`http://127.0.0.1:${b.running.port}/healthz`, (r) => resolve(r.statusCode!))
        .on('error', reject)
        .end(),
    );
    expect(res).toBe(200);
  });
});
