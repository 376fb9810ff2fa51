// Who may talk to the bot, how often, what is recorded, and what never leaves.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { ConfigError, loadConfig, redacted } from '../../src/config';
import { createLogger } from '../../src/log';
import { startServer, type Running } from '../../src/server';
import { capture } from '../../src/inventory/capture';
import { Connector, messageActivity, post } from '../helpers/connector';
import { demoCopy, edit } from '../helpers/fixtures';
import { OpenIdServer } from '../helpers/openid';

const APP_ID = '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';
let connector: Connector;
beforeAll(async () => {
  connector = await new Connector().start();
});
afterAll(() => connector.stop());

/** A logger writing JSON lines into an array. */
function memoryLog() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

const reply = async (bot: Running, activity: any) => {
  await post(`http://127.0.0.1:${bot.port}/api/messages`, activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  return connector.messages().find((m) => m.body.replyToId === activity.id)!.body;
};

describe('authentication (Bot Framework JWT)', () => {
  let openid: OpenIdServer;
  let bot: Running;
  beforeAll(async () => {
    openid = await new OpenIdServer().start();
    bot = await startServer(
      loadConfig({
        PORT: '0',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-offline',
        MicrosoftAppType: 'MultiTenant',
        PACKET_PATH_ALLOWED_TENANTS: 'tenant-1',
        ToBotFromChannelOpenIdMetadataUrl: `${openid.url}/v1/.well-known/openidconfiguration`,
        LOG_LEVEL: 'silent',
      }),
    );
  });
  afterAll(async () => {
    await bot.close();
    await openid.stop();
  });

  const send = (authorization?: string, id = `auth-${Math.random()}`) =>
    fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(
        messageActivity(connector.url, 'public ip of sqlapi', {
          id,
          conversation: { id: id },
        }),
      ),
    });

  test('no token, a forged token, an expired token and a token for another bot get 401 and no reply', async () => {
    const before = connector.activities.length;
    expect((await send()).status).toBe(401);
    expect((await send(`Bearer ${openid.forged(APP_ID, connector.url)}`)).status).toBe(401);
    expect(
      (
        await send(
          `Bearer ${openid.token(APP_ID, connector.url, { expiresIn: -600 }) /* beyond the 5 min clock tolerance */}`,
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await send(
          `Bearer ${openid.token(APP_ID, connector.url, { audience: '00000000-0000-0000-0000-000000000000' })}`,
        )
      ).status,
    ).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.activities.length).toBe(before);
  });

  test('a token signed with the published key is accepted (the check can pass)', async () => {
    expect((await send(`Bearer ${openid.token(APP_ID, connector.url)}`)).status).not.toBe(401);
  });
});

test('certificate credentials: required key file named; with a certificate the bot validates tokens the same way', async () => {
  expect(() =>
    loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppCertificateThumbprint: 'A'.repeat(40),
    }),
  ).toThrow(/MicrosoftAppCertificatePrivateKeyFile: required/);
  const { generateKeyPairSync } = require('node:crypto');
  const dir = mkdtempSync(join(tmpdir(), 'cert-'));
  writeFileSync(
    join(dir, 'key.pem'),
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }),
  );
  const openid = await new OpenIdServer().start();
  const bot = await startServer(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'MultiTenant',
      PACKET_PATH_ALLOWED_TENANTS: 'tenant-1',
      MicrosoftAppCertificateThumbprint: 'AB'.repeat(20),
      MicrosoftAppCertificatePrivateKeyFile: join(dir, 'key.pem'),
      ToBotFromChannelOpenIdMetadataUrl: `${openid.url}/v1/.well-known/openidconfiguration`,
    }),
  );
  try {
    const send = (auth: string) =>
      fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify(messageActivity(connector.url, 'hi')),
      });
    expect((await send(`Bearer ${openid.forged(APP_ID, connector.url)}`)).status).toBe(401);
    expect((await send(`Bearer ${openid.token(APP_ID, connector.url)}`)).status).not.toBe(401);
  } finally {
    await bot.close();
    await openid.stop();
  }
});

describe('authorization and rate limits', () => {
  let bot: Running;
  let log: ReturnType<typeof memoryLog>;
  beforeAll(async () => {
    log = memoryLog();
    bot = await startServer(
      loadConfig({
        PORT: '0',
        PACKET_PATH_ALLOWED_TENANTS: 'tenant-1',
        PACKET_PATH_ALLOWED_USERS: 'aad-1,aad-2',
        PACKET_PATH_RATE_LIMIT_PER_MINUTE: '3',
      }),
      { logger: log.logger },
    );
  });
  afterAll(() => bot.close());

  const from = (aad: string) => ({
    from: { id: `u-${aad}`, name: `User ${aad}`, aadObjectId: aad },
  });

  test('a foreign tenant gets a polite one-line refusal and nothing about the cluster', async () => {
    const r = await reply(
      bot,
      messageActivity(connector.url, 'public ip of sqlapi', {
        ...from('aad-1'),
        conversation: {
          id: 'c-foreign',
          conversationType: 'personal',
          tenantId: 'tenant-2',
        },
      }),
    );
    expect(r.text).toMatch(/not enabled for you here/);
    expect(JSON.stringify(r)).not.toMatch(/20\.105|sqlapi|aro2/);
    expect(log.lines.find((l) => l.conversation === 'c-foreign')).toMatchObject({
      refused: 'tenant not allowed',
      tenant: 'tenant-2',
    });
  });

  test('a user not on the list is refused; one on it is answered', async () => {
    const no = await reply(
      bot,
      messageActivity(connector.url, 'public ip of sqlapi', {
        ...from('aad-9'),
        conversation: {
          id: 'c-user9',
          conversationType: 'personal',
          tenantId: 'tenant-1',
        },
      }),
    );
    expect(no.text).toMatch(/not enabled/);
    const yes = await reply(
      bot,
      messageActivity(connector.url, 'public ip of sqlapi', {
        ...from('aad-2'),
        conversation: {
          id: 'c-user2',
          conversationType: 'personal',
          tenantId: 'tenant-1',
        },
      }),
    );
    expect(yes.summary).toMatch(/20\.105\.84\.161/);
  });

  test('the fourth question within a minute is refused with a clear reply', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      // a card's one-line answer is its summary; a refusal is plain text
      const sent = await reply(
        bot,
        messageActivity(connector.url, 'what is 10.129.2.7', {
          ...from('aad-1'),
          conversation: {
            id: `c-rate-${i}`,
            conversationType: 'personal',
            tenantId: 'tenant-1',
          },
        }),
      );
      texts.push(sent.text ?? sent.summary);
    }
    expect(texts.slice(0, 3).every((t) => /sqlapi-1-8jgx8/.test(t))).toBe(true);
    expect(texts[3]).toMatch(/asked 3 questions in the last minute — please wait \d+ s/);
  });

  test('every question is audited: who, where, what, the answer, latency, a correlation id', async () => {
    await reply(
      bot,
      messageActivity(connector.url, 'how does traffic reach route sqlapilb', {
        ...from('aad-2'),
        conversation: {
          id: 'c-audit',
          conversationType: 'personal',
          tenantId: 'tenant-1',
        },
      }),
    );
    const line = log.lines.find((l) => l.conversation === 'c-audit' && l.msg === 'turn');
    expect(line).toMatchObject({
      tenant: 'tenant-1',
      userId: 'aad-2',
      userName: 'User aad-2',
      question: 'how does traffic reach route sqlapilb',
      intent: 'inbound',
      status: 'answered',
      activityType: 'message',
    });
    expect(line.correlationId).toMatch(/^[0-9a-f]{8}$/);
    expect(line.subjects).toContain('project1/sqlapi-1-8jgx8');
    expect(typeof line.latencyMs).toBe('number');
    expect(line.time).toBeDefined();
  });
});

test('a canary secret in a pod appears in no reply, card, log line or capture', async () => {
  const CANARY = 'Canary-S3cret-0xdeadbeef';
  const dir = demoCopy();
  edit(dir, 'kubernetes/pods.json', (d) => {
    const pod = d.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    pod.spec.containers[0].env.push(
      { name: 'DB_PASSWORD', value: CANARY },
      {
        name: 'SQL_CONNECTION',
        value: `Server=server.project1.svc.cluster.local;User Id=sa;Password=${CANARY}`,
      },
      { name: 'FEATURE_FLAGS', value: `token=${CANARY}` },
    );
    pod.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] = JSON.stringify({ env: CANARY });
    pod.metadata.annotations['example.com/api-token'] = CANARY;
  });
  const inv = SnapshotInventory.load(dir);
  const log = memoryLog();
  const bot = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { inventory: inv, logger: log.logger });
  try {
    const questions = [
      'where is pod sqlapi?',
      'public ip of sqlapi',
      'what source IP does server see from sqlapi',
      'what is 10.129.2.7',
      'which load balancers are there?',
    ];
    const replies = [];
    for (const [i, q] of questions.entries()) {
      const r = await reply(
        bot,
        messageActivity(connector.url, q, {
          conversation: {
            id: `c-canary-${i}`,
            conversationType: 'personal',
            tenantId: 't',
          },
        }),
      );
      expect(JSON.stringify(r)).not.toContain(CANARY);
      replies.push(r);
    }
    expect(JSON.stringify(replies[0])).toContain('SQL_CONNECTION'); // listed, with its value hidden
  } finally {
    await bot.close();
  }
  expect(log.lines.length).toBeGreaterThanOrEqual(5);
  expect(log.lines.map((l) => JSON.stringify(l)).join('\n')).not.toContain(CANARY);
  const out = mkdtempSync(join(tmpdir(), 'canary-capture-'));
  await capture(inv, { rawList: async () => [], rawGet: async () => undefined }, out);
  for (const f of readdirSync(join(out, 'kubernetes')))
    expect(readFileSync(join(out, 'kubernetes', f), 'utf8')).not.toContain(CANARY);
});

describe('configuration', () => {
  test('an invalid value fails fast, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PACKET_PATH_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/PACKET_PATH_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ MicrosoftAppType: 'Anyone' })).toThrow(/MicrosoftAppType/);
  });
  test('an optional JSON file sits between defaults and the environment; unknown settings are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        PORT: 4000,
        PACKET_PATH_RATE_LIMIT_PER_MINUTE: 5,
        PACKET_PATH_ALLOWED_TENANTS: ['a', 'b'],
      }),
    );
    const c = loadConfig({
      PACKET_PATH_CONFIG_FILE: join(dir, 'c.json'),
      PORT: '4001',
    });
    expect(c).toMatchObject({
      PORT: 4001,
      PACKET_PATH_RATE_LIMIT_PER_MINUTE: 5,
      PACKET_PATH_ALLOWED_TENANTS: ['a', 'b'],
    });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ PROT: 1 }));
    expect(() => loadConfig({ PACKET_PATH_CONFIG_FILE: join(dir, 'bad.json') })).toThrow(/unknown setting\(s\) PROT/);
  });
  test('printing the configuration redacts secrets', () => {
    const c = redacted(
      loadConfig({
        MicrosoftAppPassword: 'hunter2',
        PACKET_PATH_STATE_BLOB_CONNECTION_STRING: 'AccountKey=abc',
      }),
    );
    expect(JSON.stringify(c)).not.toMatch(/hunter2|AccountKey=abc/);
    expect(c.MicrosoftAppPassword).toBe('***');
  });
  test('SingleTenant bots accept only their own tenant by default', () => {
    const { allowedTenants } = require('../../src/config');
    expect(
      allowedTenants(
        loadConfig({
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: 'my-tenant',
        }),
      ),
    ).toEqual(['my-tenant']);
    expect(allowedTenants(loadConfig({}))).toEqual([]);
  });
});
