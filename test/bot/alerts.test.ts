// Watching from a conversation, over real HTTP with the local connector: subscribe on a live inventory of the fake
// Kubernetes and ARM servers, change a watched object, record, and see exactly one proactive card in that
// conversation (none in the others); stop watching; refusals for users not allowed and for a snapshot.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startHistory, type Recorder } from '../../src/changes/recorder';
import { loadConfig } from '../../src/config';
import { LiveInventory } from '../../src/inventory/live';
import { MonitorMetrics } from '../../src/inventory/metrics';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { createLogger } from '../../src/log';
import { startServer, type Running } from '../../src/server';
import { parseWatch } from '../../src/watch/command';
import { Connector, messageActivity, post, type Captured } from '../helpers/connector';
import { testCredential } from '../helpers/fake-arm';
import { FakeMetrics } from '../helpers/fake-metrics';
import { demoCopy, readJson } from '../helpers/fixtures';
import { liveRig, type LiveRig } from '../helpers/live';

let rig: LiveRig & { dir: string };
let recorder: Recorder;
let connector: Connector;
let bot: Running;
const logLines: any[] = [];

beforeAll(async () => {
  const dir = demoCopy();
  rig = Object.assign(await liveRig(dir), { dir });
  // records only when told: the test decides when the history looks
  recorder = startHistory(rig.inventory, { pollMs: 3600_000, everyMs: 3600_000 })!;
  await recorder.recordNow();
  connector = await new Connector().start();
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  bot = await startServer(
    loadConfig({ PORT: '0', LOG_LEVEL: 'info', PACKET_PATH_CLUSTER_ALLOWED_USERS: 'default=aad-ops|aad-ops2' }),
    { inventory: rig.inventory, logger: createLogger('info', sink) },
  );
}, 60000);

afterAll(async () => {
  await bot?.close();
  recorder?.stop();
  await rig?.stop();
  await connector?.stop();
});

async function say(text: string, conv: string, aad = 'aad-ops', port = bot.port, extra: object = {}) {
  const a = messageActivity(connector.url, text, {
    from: { id: `u-${aad}`, name: aad, aadObjectId: aad },
    conversation: { id: conv, conversationType: 'channel', tenantId: 't' },
    ...extra,
  });
  expect(await post(`http://127.0.0.1:${port}/api/messages`, a)).toBe(200);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === a.id));
  return connector.messages().find((m) => m.body.replyToId === a.id)!.body;
}

/** Alert cards posted to a conversation (not replies to a question of the test). */
const alerts = (conv: string): Captured[] =>
  connector
    .messages()
    .filter(
      (m) =>
        m.url.includes(`/conversations/${encodeURIComponent(conv)}/`) &&
        /^(Path change|\d+ path changes)/.test(m.body.summary),
    );

/** Wait until the informers saw the fake API server's change (the recorder compares their caches). */
async function settled(before: number): Promise<void> {
  const end = Date.now() + 15000;
  while (rig.inventory.kube.generation === before) {
    if (Date.now() > end) throw new Error('the informers did not see the change');
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 200));
}

test('watch commands are told from questions', () => {
  expect(parseWatch('watch egress for namespace project1')).toEqual({
    kind: 'watch',
    filter: { kinds: ['egress'], scope: { kind: 'namespace', name: 'project1' } },
  });
  expect(parseWatch('watch route sqlapilb')).toEqual({
    kind: 'watch',
    filter: { kinds: ['host'], scope: { kind: 'name', name: 'sqlapilb' } },
  });
  expect(parseWatch('watch changes on cluster aro2')).toEqual({
    kind: 'watch',
    filter: { kinds: [], scope: { kind: 'all' } },
  });
  expect(parseWatch('alert here when SNAT usage passes 90 %')).toEqual({ kind: 'snat', percent: 90 });
  expect(parseWatch('stop watching 2')).toEqual({ kind: 'stop', which: 2 });
  expect(parseWatch('stop watching all')).toEqual({ kind: 'stop', which: 'all' });
  expect(parseWatch('what are we watching?')).toEqual({ kind: 'list' });
  expect(parseWatch('watch egress for namespace Bad_Name!')).toMatchObject({ kind: 'invalid' });
  expect(parseWatch('what changed in the last 24 h?')).toBeUndefined();
  expect(parseWatch("what's the public IP of pod sqlapi?")).toBeUndefined();
});

test('a user not allowed on the cluster may not watch it', async () => {
  expect((await say('watch changes', 'conv-x', 'aad-dev')).text).toMatch(/may not watch cluster default/);
  expect((await say('what are we watching?', 'conv-x', 'aad-dev')).text).toBe(
    'Nothing is watched in this conversation.',
  );
});

test('a policy added in the watched namespace: one card in that conversation, none elsewhere, once', async () => {
  expect((await say('watch policy for namespace project1', 'conv-a')).text).toMatch(
    /^Watching policy verdicts for namespace project1: I will post here when it changes/,
  );
  expect((await say('watch route sqlapilb', 'conv-b', 'aad-ops2')).text).toMatch(/^Watching route hosts of sqlapilb/);
  expect((await say('watch egress for namespace project1', 'conv-c')).text).toMatch(/^Watching egress for namespace/);
  expect((await say('watch policy for namespace project1', 'conv-a')).text).toMatch(/^Already watching/);

  const g = rig.inventory.kube.generation;
  rig.kube.upsert({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny-all', namespace: 'project1' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  await settled(g);
  const changes = await recorder.recordNow();
  expect(changes.some((c) => c.kind === 'policy')).toBe(true);
  // into or out of project1: the policy's verdicts between pods that talk
  const policy = changes.filter((c) => c.kind === 'policy' && /(^|→ )project1\//.test(c.subject));
  expect(policy.length).toBeGreaterThan(1);

  const got = alerts('conv-a');
  expect(got).toHaveLength(1);
  const card = got[0].body.attachments[0].content;
  expect(got[0].body.summary).toBe(`${policy.length} path changes: policy`);
  expect(card.body[1].text.split('\n\n')).toEqual(policy.map((c) => `• ${c.impact}`));
  expect(card.body[1].text).toMatch(
    /Traffic from project1\/server → project1\/sqlapi:8080 is now denied by project1\/deny-all/,
  );
  const facts = Object.fromEntries(card.body[2].facts.map((f: any) => [f.title, f.value]));
  expect(facts.Watching).toBe('policy verdicts for namespace project1');
  expect(card.actions[0]).toMatchObject({
    title: 'What changed?',
    data: { question: 'what changed in the last 24 h?' },
  });
  expect(alerts('conv-b')).toHaveLength(0);
  expect(alerts('conv-c')).toHaveLength(0);

  // a record without a change sends nothing more
  const before = connector.messages().length;
  expect(await recorder.recordNow()).toEqual([]);
  expect(connector.messages()).toHaveLength(before);

  const audit = logLines.filter((l) => l.audit === 'alert');
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ cluster: 'default', sent: true, conversation: 'conv-a' });
  expect(audit[0].about).toContain(`policy ${policy[0].subject}`);
  expect(logLines.filter((l) => l.audit === 'subscribe' && l.action === 'added')).toHaveLength(3);
});

test('a route moved to another router: one card for the conversation watching it', async () => {
  const dir = rig.dir;
  const services = readJson(join(dir, 'kubernetes', 'services.json')).items;
  const sharded = structuredClone(services.find((x: any) => x.metadata.name === 'router-default'));
  sharded.metadata = { ...sharded.metadata, name: 'router-sharded', uid: undefined, resourceVersion: undefined };
  sharded.status.loadBalancer.ingress = [{ ip: '20.67.170.99' }];
  const route = readJson(join(dir, 'kubernetes', 'routes.json')).items[0];
  route.status.ingress[0].routerName = 'sharded';
  const g = rig.inventory.kube.generation;
  rig.kube.upsert(sharded);
  rig.kube.upsert(route);
  await settled(g);
  const hosts = [];
  for (let i = 0; i < 20 && !hosts.length; i++) {
    hosts.push(...(await recorder.recordNow()).filter((c) => c.kind === 'host' && c.subject.includes('sqlapilb')));
    if (!hosts.length) await new Promise((r) => setTimeout(r, 100));
  }
  expect(hosts).toHaveLength(1);
  const got = alerts('conv-b');
  expect(got).toHaveLength(1);
  expect(got[0].body.summary).toBe(`Path change: host ${hosts[0].subject}`);
  const card = got[0].body.attachments[0].content;
  expect(card.body[1].text).toMatch(/now reach 20\.67\.170\.99/);
  const facts = Object.fromEntries(card.body[2].facts.map((f: any) => [f.title, f.value]));
  expect(facts).toMatchObject({ Kind: 'host', Subject: hosts[0].subject, Watching: 'route hosts of sqlapilb' });
  expect(facts.After).toContain('20.67.170.99');
  expect(alerts('conv-c')).toHaveLength(0);
});

test('"stop watching" lists with buttons and removes: nothing is posted after', async () => {
  const list = await say('stop watching', 'conv-a');
  const card = list.attachments[0].content;
  expect(card.body[1].text).toBe('1. policy verdicts for namespace project1');
  expect(card.actions.map((a: any) => a.data.question)).toEqual(['stop watching 1', 'stop watching all']);
  expect((await say('stop watching 2', 'conv-a')).text).toMatch(/no watch 2 here/);
  expect((await say('stop watching 1', 'conv-a')).text).toBe(
    'Stopped watching policy verdicts for namespace project1.',
  );
  expect((await say('what are we watching?', 'conv-a')).text).toBe('Nothing is watched in this conversation.');
  expect(logLines.filter((l) => l.audit === 'subscribe' && l.action === 'removed')).toHaveLength(1);

  const sent = alerts('conv-a').length;
  const g = rig.inventory.kube.generation;
  rig.kube.remove('NetworkPolicy', 'project1', 'deny-all');
  await settled(g);
  expect((await recorder.recordNow()).some((c) => c.kind === 'policy')).toBe(true);
  expect(alerts('conv-a')).toHaveLength(sent);
});

test('a snapshot cannot be watched', async () => {
  const demo = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), SnapshotInventory.demo());
  try {
    expect((await say('watch changes', 'conv-d', 'aad-ops', demo.port)).text).toMatch(
      /^Watching needs a live cluster: default answers from the demo snapshot/,
    );
  } finally {
    await demo.close();
  }
});

describe('SNAT threshold', () => {
  const FIXTURES = join(__dirname, '..', 'fixtures');
  const LB_ID =
    '/subscriptions/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/resourceGroups/MC_rg-aks_aks1_westeurope/providers/' +
    'Microsoft.Network/loadBalancers/kubernetes';
  const DOC = readJson(join(FIXTURES, 'metrics', 'aks-lb', 'kubernetes.json'));
  /** The metrics document with every node's used ports scaled (the fixture's busiest node is at 85 %). */
  const scaled = (f: number) => {
    const d = structuredClone(DOC);
    for (const v of d[0].value.filter((x: any) => x.name.value === 'UsedSnatPorts'))
      for (const ts of v.timeseries) for (const p of ts.data) p.maximum = Math.round(p.maximum * f);
    return d;
  };
  let metrics: FakeMetrics;
  let aks: LiveRig;
  let rec: Recorder;
  let server: Running;

  beforeAll(async () => {
    metrics = await new FakeMetrics().serve(LB_ID, DOC).start();
    aks = await liveRig(join(FIXTURES, 'aks-lb'));
    const monitor = new MonitorMetrics({
      credential: testCredential(),
      endpoint: metrics.url,
      ca: metrics.ca,
      ttlMs: 0,
      now: () => new Date('2026-12-01T23:00:00Z'),
    });
    const inv = new LiveInventory(aks.inventory.kube, aks.freshArm(), undefined, monitor);
    rec = startHistory(inv, { pollMs: 3600_000, everyMs: 3600_000 })!;
    await rec.recordNow();
    // only one team may use the bot: the alert's turn is authorized with the team the watch was made in
    server = await startServer(
      loadConfig({ PORT: '0', LOG_LEVEL: 'silent', PACKET_PATH_ALLOWED_TEAMS: 'team-1' }),
      inv,
    );
  }, 60000);
  afterAll(async () => {
    await server?.close();
    rec?.stop();
    await aks?.stop();
    await metrics?.stop();
  });

  const snatAlerts = () =>
    connector.messages().filter((m) => m.url.includes('/conversations/conv-s/') && /^SNAT usage/.test(m.body.summary));

  test('alerts once when usage crosses above the threshold, again only after it dropped below', async () => {
    const teams = { channelData: { team: { id: 'team-1' }, channel: { id: '19:ops' }, tenant: { id: 't' } } };
    expect((await say('alert here when SNAT usage passes 80 %', 'conv-s', 'aad-ops', server.port, teams)).text).toMatch(
      /^Watching SNAT usage above 80 %: I will post here/,
    );
    await rec.recordNow();
    expect(snatAlerts()).toHaveLength(1);
    const card = snatAlerts()[0].body.attachments[0].content;
    expect(snatAlerts()[0].body.summary).toBe('SNAT usage passed 80 %');
    expect(card.body[1].text).toBe(
      'node aks-nodepool1-12345678-vmss000001 uses 870 of 1,024 SNAT ports at peak (85 %) on kubernetes.',
    );
    await rec.recordNow();
    expect(snatAlerts()).toHaveLength(1); // still above: no second alert

    metrics.serve(LB_ID, scaled(0.5));
    await rec.recordNow();
    expect(snatAlerts()).toHaveLength(1);
    metrics.serve(LB_ID, DOC);
    await rec.recordNow();
    expect(snatAlerts()).toHaveLength(2);
  }, 30000);
});

describe('two replicas sharing Blob storage (Azurite)', () => {
  // Azurite's published development account (not a secret)
  const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  let azurite: ChildProcess;
  let a: Running;
  let b: Running;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const main = join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
    const args = ['--silent', '--inMemoryPersistence', '--skipApiVersionCheck', '--blobHost', '127.0.0.1'];
    azurite = spawn(process.execPath, [main, ...args, '--blobPort', String(port)], { stdio: 'ignore' });
    const deadline = Date.now() + 20000;
    const up = () =>
      fetch(`http://127.0.0.1:${port}/devstoreaccount1?comp=list`).then(
        () => true,
        () => false,
      );
    while (Date.now() < deadline && !(await up())) await new Promise((r) => setTimeout(r, 100));
    env = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      PACKET_PATH_STATE_BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
      PACKET_PATH_STATE_BLOB_CONTAINER: 'watch-test',
    };
    a = await startServer(loadConfig(env), { inventory: rig.inventory });
  }, 60000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    azurite?.kill();
  });

  test('a watch made on one replica is kept in Blob storage; a change is posted once by the two', async () => {
    expect((await say('watch policy for namespace project1', 'conv-r', 'aad-ops', a.port)).text).toMatch(/^Watching/);
    // a replica started later finds the watch in the shared store
    b = await startServer(loadConfig(env), { inventory: rig.inventory });
    const list = await say('what are we watching?', 'conv-r', 'aad-ops', b.port);
    expect(list.attachments[0].content.body[1].text).toBe('1. policy verdicts for namespace project1');
    // both replicas listen to the cluster's records
    expect((await say('watch egress for namespace project1', 'conv-r2', 'aad-ops', b.port)).text).toMatch(/^Watching/);

    const g = rig.inventory.kube.generation;
    rig.kube.upsert({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny-all-2', namespace: 'project1' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    await settled(g);
    expect((await recorder.recordNow()).some((c) => c.kind === 'policy')).toBe(true);
    expect(alerts('conv-r')).toHaveLength(1);
    await recorder.recordNow();
    expect(alerts('conv-r')).toHaveLength(1);
    expect(alerts('conv-r2')).toHaveLength(0);
  }, 30000);
});
