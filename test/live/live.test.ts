// The live adapters against the fake Kubernetes and ARM servers (real wire
// formats, real SDKs): same answers as the snapshot, bounded ARM requests,
// caches, errors as data, capture.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { DEMO, demoCopy, edit } from '../helpers/fixtures';
import { liveRig, rounds, type LiveRig, jsonWithoutAge } from '../helpers/live';

const QUESTIONS = [
  "what's the public IP of pod sqlapi?",
  'how does traffic reach route sqlapilb?',
  'what source IP does the SQL server see from the API pod?',
  'what is 20.105.84.161?',
  'which load balancers are there?',
  'how do clients reach service sqlapilb -n project1',
];

let rig: LiveRig;
beforeAll(async () => {
  rig = await liveRig(DEMO);
});
afterAll(() => rig.stop());

describe('live adapters answer like the snapshot they serve', () => {
  test.each(QUESTIONS)('%s', async (q) => {
    const live = jsonWithoutAge(await ask(q, rig.inventory));
    const snap = jsonWithoutAge(await ask(q, SnapshotInventory.demo()));
    expect(live).toEqual(snap);
  });
});

test('capture writes a snapshot folder that answers the same, with the Secret-backed env only as a reference', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-'));
  const summary = await capture(rig.inventory, rig.inventory.azure, dir);
  expect(summary.failures).toEqual([]);
  expect(readdirSync(join(dir, 'kubernetes')).sort()).toEqual([
    'endpointslices.json',
    'namespaces.json',
    'nodes.json',
    'pods.json',
    'routes.json',
    'services.json',
  ]);
  const captured = SnapshotInventory.load(dir);
  for (const q of QUESTIONS)
    expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
  const pods = readFileSync(join(dir, 'kubernetes', 'pods.json'), 'utf8');
  expect(pods).toContain('"secretKeyRef"');
});

describe('ARM requests', () => {
  test('a cold egress question: ≤ 6 requests in ≤ 2 sequential rounds; warm: none', async () => {
    const latency = 150;
    rig.arm.latencyMs = latency;
    try {
      const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
      const before = rig.arm.requests.length;
      const r = await ask("what's the public IP of pod sqlapi?", inv);
      expect(r.hops.at(-1)?.src).toBe('20.105.84.161');
      const cold = rig.arm.requests.slice(before);
      expect(cold.length).toBeLessThanOrEqual(6);
      expect(rounds(cold)).toBeLessThanOrEqual(2);
      const warmBefore = rig.arm.requests.length;
      await ask("what's the public IP of pod server?", inv);
      expect(rig.arm.requests.length).toBe(warmBefore);
    } finally {
      rig.arm.latencyMs = 0;
    }
  });

  test('100 concurrent identical questions cost no more requests than one', async () => {
    const one = new LiveInventory(rig.inventory.kube, rig.freshArm());
    let before = rig.arm.requests.length;
    await ask('how does traffic reach route sqlapilb?', one);
    const single = rig.arm.requests.length - before;
    const many = new LiveInventory(rig.inventory.kube, rig.freshArm());
    before = rig.arm.requests.length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => ask('how does traffic reach route sqlapilb?', many)),
    );
    expect(rig.arm.requests.length - before).toBeLessThanOrEqual(single);
    expect(new Set(answers.map((a) => a.answer)).size).toBe(1);
  });
});

describe('failures are data', () => {
  test('403 on the node resource group names the role and the scope, and the path renders as far as it can', async () => {
    rig.arm.faults.push({
      status: 403,
      match: /resourceGroups\/aro2-resources\//i,
    });
    try {
      const r = await ask("what's the public IP of pod sqlapi?", new LiveInventory(rig.inventory.kube, rig.freshArm()));
      expect(r.status).toBe('answered');
      expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node']);
      const err = r.errors.find((e) => /network interfaces/.test(e.lookup));
      expect(err?.reason).toMatch(
        /403 AuthorizationFailed: the bot's identity needs Reader on \/subscriptions\/e7da9914-9b05-4891-893c-546cb7b0422e\/resourceGroups\/aro2-resources/,
      );
    } finally {
      rig.arm.faults.length = 0;
    }
  });

  test('a failed listing is not cached: the next question succeeds once the fault clears', async () => {
    const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
    rig.arm.faults.push({ status: 500, match: /loadBalancers/i });
    const bad = await ask('which load balancers are there?', inv);
    expect(bad.errors[0]?.reason).toMatch(/^500/);
    rig.arm.faults.length = 0;
    const good = await ask('which load balancers are there?', inv);
    expect(good.errors).toEqual([]);
    expect(good.answer).toMatch(/^4 load balancers/);
  });

  test('a watch keeps the cache current: a new pod is answered without a restart', async () => {
    const pods = JSON.parse(readFileSync(join(DEMO, 'kubernetes', 'pods.json'), 'utf8')).items;
    const clone = JSON.parse(JSON.stringify(pods.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8')));
    Object.assign(clone.metadata, {
      name: 'reports-1-x7k2p',
      uid: 'new-uid',
      labels: { app: 'reports' },
      resourceVersion: undefined,
    });
    clone.status.podIP = '10.129.2.50';
    rig.kube.upsert(clone);
    const deadline = Date.now() + 10000;
    let r = await ask('public ip of reports', rig.inventory);
    while (r.status !== 'answered' && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
      r = await ask('public ip of reports', rig.inventory);
    }
    expect(r.hops[0]).toMatchObject({
      name: 'project1/reports-1-x7k2p',
      ip: '10.129.2.50',
    });
  });

  test('before the first list, lookups say the cache is not synced yet', () => {
    const { KubeInventory } = require('../../src/inventory/kubernetes');
    const k = new KubeInventory({
      kubeConfig: rig.inventory.kube['o'].kubeConfig,
    });
    expect(() => k.list('Pod')).toThrow(/cache not yet synced|starting/);
  });
});

test('a plain Kubernetes cluster without OpenShift APIs: no routes, not an error', async () => {
  const dir = demoCopy();
  require('node:fs').rmSync(join(dir, 'kubernetes', 'routes.json'));
  edit(
    dir,
    'kubernetes/nodes.json',
    (d) => void d.items.forEach((n: any) => (n.metadata.labels['kubernetes.azure.com/cluster'] = 'aks1')),
  );
  const plain = await liveRig(dir);
  try {
    expect(await plain.inventory.list('Route')).toEqual([]);
    expect((await plain.inventory.cluster())?.kind).toBe('aks');
    const r = await ask('how does traffic reach route sqlapilb?', plain.inventory);
    expect(r.status).toBe('not-found');
  } finally {
    await plain.stop();
  }
});

describe('capture writes exactly what the egress rules read, on other layouts', () => {
  const questions = [
    'what is the public ip of web-7d4b9c8f6d-abcde',
    'egress web-7d4b9c8f6d-abcde to reach 192.168.10.5',
  ];
  test.each(['aks-udr', 'aks-natgw', 'aks-ipbased', 'hub-spoke-firewall'])('%s', async (name) => {
    const other = await liveRig(join(__dirname, '..', 'fixtures', name));
    try {
      const dir = mkdtempSync(join(tmpdir(), `capture-${name}-`));
      const summary = await capture(other.inventory, other.inventory.azure, dir);
      expect(summary.failures).toEqual([]);
      const captured = SnapshotInventory.load(dir);
      for (const q of questions) {
        const live = jsonWithoutAge(await ask(q, other.inventory));
        expect(jsonWithoutAge(await ask(q, captured))).toEqual(live);
        expect((live as { errors: unknown[] }).errors).toEqual([]);
      }
    } finally {
      await other.stop();
    }
  });
});
