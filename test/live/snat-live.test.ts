// SNAT usage live: the real @azure/monitor-query-metrics client against the local metrics server (the batch
// `metrics:getBatch` API over HTTPS), behind a live inventory of the fake Kubernetes and ARM servers: the figures,
// the requests sent, 403 and timeouts as errors with a reason, and capture writing azure/metrics/<lb>.json.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LookupError } from '../../src/inventory/inventory';
import { LiveInventory } from '../../src/inventory/live';
import { MonitorMetrics, type MonitorOptions } from '../../src/inventory/metrics';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import type { SnatTarget } from '../../src/snat/usage';
import { testCredential } from '../helpers/fake-arm';
import { FakeMetrics } from '../helpers/fake-metrics';
import { liveRig, type LiveRig } from '../helpers/live';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SUB = '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';
const LB: SnatTarget = {
  kind: 'lb',
  id: `/subscriptions/${SUB}/resourceGroups/MC_rg-aks_aks1_westeurope/providers/Microsoft.Network/loadBalancers/kubernetes`,
  name: 'kubernetes',
  location: 'westeurope',
};
const DOC = JSON.parse(readFileSync(join(FIXTURES, 'metrics', 'aks-lb', 'kubernetes.json'), 'utf8'));
const END = new Date('2026-12-01T23:00:00Z');
const WEB0 = "what's the public IP of pod web-7d4b9c8f6d-abcde -n shop?";
const fact = (r: PathResult, label: string) => r.facts.find((f) => f.label === label)?.value;

let fake: FakeMetrics;
let rig: LiveRig;
const monitor = (o: Partial<MonitorOptions> = {}) =>
  new MonitorMetrics({ credential: testCredential(), endpoint: fake.url, ca: fake.ca, now: () => END, ...o });
const live = (m: MonitorMetrics) => new LiveInventory(rig.inventory.kube, rig.freshArm(), undefined, m);

beforeAll(async () => {
  fake = await new FakeMetrics().serve(LB.id, DOC).start();
  rig = await liveRig(join(FIXTURES, 'aks-lb'));
});
afterAll(async () => {
  await rig.stop();
  await fake.stop();
});
beforeEach(() => {
  fake.faults = [];
  fake.requests.length = 0;
});

test('usage per backend IP from the batch API, asked for the last hour with the right metrics and filters', async () => {
  const u = await monitor().snatUsage(LB);
  expect(u.backends).toEqual([
    { ip: '10.224.0.4', usedPeak: 612, allocatedPeak: 1024, failed: 0 },
    { ip: '10.224.0.5', usedPeak: 870, allocatedPeak: 1024, failed: 0 },
    { ip: '10.224.0.6', usedPeak: 40, allocatedPeak: 1024, failed: 0 },
  ]);
  expect(u.failed).toBe(0);
  expect(fake.requests).toHaveLength(2);
  for (const r of fake.requests) {
    expect(r.path).toBe(`/subscriptions/${SUB}/metrics:getBatch`);
    expect(r.resourceIds).toEqual([LB.id]);
    expect(r.authorization).toMatch(/^Bearer /);
    expect(r.query.get('metricnamespace')).toBe('Microsoft.Network/loadBalancers');
    expect(r.query.get('starttime')).toBe('2026-12-01T22:00:00.000Z');
    expect(r.query.get('interval')).toBe('PT1M');
  }
  const failed = fake.requests.find((r) => r.query.get('metricnames') === 'SnatConnectionCount')!;
  expect(failed.query.get('filter')).toBe("BackendIPAddress eq '*' and ConnectionState eq 'failed'");
  expect(failed.query.get('aggregation')).toBe('Total');
});

test('an egress question reads the metrics once (two batch calls in one round); warm: none', async () => {
  const inv = live(monitor());
  await ask(WEB0, inv);
  expect(fake.requests).toHaveLength(2);
  await ask("what's the public IP of pod web-7d4b9c8f6d-fghij -n shop?", inv);
  expect(fake.requests).toHaveLength(2);
});

test('the window counts: half an hour earlier the peak of the first node was lower', async () => {
  const u = await monitor({ now: () => new Date('2026-12-01T22:30:00Z') }).snatUsage(LB);
  expect(u.backends.find((b) => b.ip === '10.224.0.4')?.usedPeak).toBe(415);
});

test('the egress answer on the live inventory: the node’s usage, and the same from a capture of it', async () => {
  const inv = live(monitor());
  const r = await ask(WEB0, inv);
  expect(fact(r, 'SNAT usage')).toBe('612 of 1,024 ports in use at peak in the last hour (60 %); 0 failed connections');
  const dir = mkdtempSync(join(tmpdir(), 'capture-snat-'));
  const summary = await capture(inv, inv.azure, dir);
  expect(summary.failures).toEqual([]);
  expect(summary.files).toContain('azure/metrics/kubernetes.json');
  const written = JSON.parse(readFileSync(join(dir, 'azure', 'metrics', 'kubernetes.json'), 'utf8'));
  expect(written.value.map((m: any) => m.name.value).sort()).toEqual([
    'AllocatedSnatPorts',
    'SnatConnectionCount',
    'UsedSnatPorts',
  ]);
  expect(written.timespan).toBe('2026-12-01T22:00:00.000Z/2026-12-01T23:00:00.000Z');
  const again = await ask(WEB0, SnapshotInventory.load(dir));
  expect(fact(again, 'SNAT usage')).toBe(fact(r, 'SNAT usage'));
  const snat = await ask('are we running out of SNAT ports?', SnapshotInventory.load(dir));
  expect(snat.title).toBe('SNAT ports: close to exhaustion on kubernetes');
});

test('403: the missing role on the resource, as an error and as the reason usage is not available', async () => {
  fake.faults = [{ status: 403 }];
  await expect(monitor().snatUsage(LB)).rejects.toMatchObject({
    code: 'forbidden',
    reason: expect.stringContaining(`needs Monitoring Reader on ${LB.id}`),
  });
  const r = await ask(WEB0, live(monitor()));
  expect(r.status).toBe('answered');
  expect(r.hops.at(-1)?.src).toBe('20.31.45.117');
  expect(fact(r, 'SNAT usage')).toMatch(
    /^not available \(403 AuthorizationFailed: the bot's identity needs Monitoring Reader/,
  );
  expect(r.errors).toContainEqual(expect.objectContaining({ lookup: 'SNAT metrics of kubernetes', code: 'forbidden' }));
  const dir = mkdtempSync(join(tmpdir(), 'capture-snat-'));
  const inv = live(monitor());
  const summary = await capture(inv, inv.azure, dir);
  expect(summary.failures).toContainEqual(expect.objectContaining({ lookup: 'SNAT metrics of kubernetes' }));
  expect(existsSync(join(dir, 'azure', 'metrics', 'kubernetes.json'))).toBe(false);
});

test('a metrics endpoint that does not answer: a timeout, and the answer still comes', async () => {
  fake.faults = [{ status: 'hang' }];
  const e = await monitor({ timeoutMs: 300 })
    .snatUsage(LB)
    .catch((x) => x);
  expect(e).toBeInstanceOf(LookupError);
  expect(e).toMatchObject({ code: 'timeout', reason: expect.stringContaining('did not answer in time') });
  const r = await ask('are we running out of SNAT ports?', live(monitor({ timeoutMs: 300 })));
  expect(r.answer).toContain('1,024 SNAT ports per node');
  expect(r.answer).toContain('SNAT usage: not available (Azure Monitor did not answer in time');
});

test('the regional endpoint is derived from the resource’s location when none is set', async () => {
  const m = new MonitorMetrics({ credential: testCredential(), timeoutMs: 300 });
  // no network is reached: the region is unknown, said before any call
  await expect(m.snatUsage({ ...LB, location: undefined })).rejects.toMatchObject({
    reason: expect.stringContaining('region'),
  });
});
