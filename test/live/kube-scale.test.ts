// The informer caches at scale: objects reduced to what the rules read as they arrive (answers unchanged), lists
// read in pages, and a list or watch that expires (410) read again without a second copy of the cache.
import { ask } from '../../src/answer';
import { ArmInventory } from '../../src/inventory/azure';
import type { Node, Pod, Service } from '../../src/inventory/k8s-types';
import { KubeInventory, leanObject } from '../../src/inventory/kubernetes';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { toJson } from '../../src/path/result';
import { FakeArm, testCredential } from '../helpers/fake-arm';
import { FakeKube, type FakeKubeOptions } from '../helpers/fake-kube';
import { DEMO } from '../helpers/fixtures';
import { kubeConfigOf } from '../helpers/live';

const MANAGED = [{ manager: 'kubelet', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } }];

/** An object as a real API server sends it: managedFields, annotations no rule reads, status no rule reads. */
function fat(o: any): any {
  const meta = {
    ...o.metadata,
    managedFields: MANAGED,
    annotations: { ...o.metadata.annotations, 'example.com/notes': 'x'.repeat(2000) },
  };
  if (o.kind === 'Pod')
    return {
      ...o,
      metadata: meta,
      spec: {
        ...o.spec,
        volumes: [{ name: 'kube-api-access', projected: { sources: [] } }],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
        initContainers: [{ name: 'init', image: 'busybox' }],
      },
      status: {
        ...o.status,
        qosClass: 'Burstable',
        startTime: '2026-11-20T08:14:03Z',
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }],
      },
    };
  if (o.kind === 'Node')
    return {
      ...o,
      metadata: meta,
      status: {
        ...o.status,
        images: [{ names: ['mcr.microsoft.com/oss/kube-proxy:v1.30'] }],
        nodeInfo: { os: 'linux' },
      },
    };
  return { ...o, metadata: meta };
}

interface Rig {
  kube: FakeKube;
  inventory: KubeInventory;
  live: LiveInventory;
  stop(): Promise<void>;
}

async function rig(
  kubeOpts: Omit<FakeKubeOptions, 'objects'> = {},
  pageSize?: number,
  extra: any[] = [],
): Promise<Rig> {
  const kube = FakeKube.fromSnapshotDir(DEMO, kubeOpts);
  for (const o of extra) kube.upsert(o);
  await kube.start();
  const arm = await FakeArm.fromSnapshotDir(DEMO).start();
  const { kc } = kubeConfigOf(kube);
  const inventory = new KubeInventory({ kubeConfig: kc, restartDelayMs: 100, pageSize });
  await inventory.start();
  const live = new LiveInventory(
    inventory,
    new ArmInventory({ credential: testCredential(), endpoint: arm.url, ca: arm.ca, maxRetries: 1, timeoutMs: 3000 }),
  );
  return {
    kube,
    inventory,
    live,
    stop: async () => {
      await inventory.stop();
      await Promise.all([kube.stop(), arm.stop()]);
    },
  };
}

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
};

/** The answer without how old its Azure data is (a property of the cache, not of the path). */
const answer = async (q: string, inv: LiveInventory | SnapshotInventory) => {
  const { dataAge: _age, ...rest } = toJson(await ask(q, inv)) as Record<string, unknown>;
  return rest;
};

describe('objects from a server that sends them whole (managedFields, annotations, status)', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ expand: fat });
  }, 60_000);
  afterAll(() => r.stop());

  test.each([
    "what's the public IP of pod sqlapi?",
    'how does traffic reach route sqlapilb?',
    'what source IP does the SQL server see from the API pod?',
    'what is 20.105.84.161?',
    'which load balancers are there?',
    'how do clients reach service sqlapilb -n project1',
    'where is pod sqlapi?',
  ])('answer as from the lean snapshot: %s', async (q) => {
    expect(await answer(q, r.live)).toEqual(await answer(q, SnapshotInventory.demo()));
  });

  test('the caches hold no managedFields, no annotation no rule reads, no status no rule reads', () => {
    const pods = r.inventory.list('Pod');
    expect(pods.length).toBeGreaterThan(0);
    const text = JSON.stringify([pods, r.inventory.list('Node'), r.inventory.list('Service')]);
    for (const gone of ['managedFields', 'example.com/notes', 'containerStatuses', 'tolerations', 'volumes', 'images'])
      expect(text).not.toContain(gone);
    const pod = pods.find((p) => p.metadata.name === 'sqlapi-1-8jgx8')!;
    expect(pod.metadata.annotations).toBeUndefined();
    expect(pod.status).toMatchObject({ phase: 'Running', podIP: '10.129.2.7' });
    expect(pod.status?.hostIP).toBeTruthy();
    expect(pod.spec?.nodeName).toBeTruthy();
    expect(pod.spec?.containers?.[0]?.env?.length).toBeGreaterThan(0);
    // the annotations the rules read are kept: OVN node subnets
    const nodes = r.inventory.list('Node');
    expect(nodes.some((n) => n.metadata.annotations?.['k8s.ovn.org/node-subnets'])).toBe(true);
  });
});

test('leanObject: repeated structures are shared and frozen; kept fields are whole', () => {
  const pod = (name: string): Pod =>
    fat({
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'shop',
        labels: { app: 'web' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1' }],
      },
      spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'web:1', ports: [{ containerPort: 8080 }] }] },
      status: {
        phase: 'Running',
        podIP: `10.0.0.${name.length}`,
        hostIP: '10.1.0.4',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'x' }],
      },
    });
  const a = leanObject('Pod', pod('web-a'));
  const b = leanObject('Pod', pod('web-bb'));
  expect(a).toEqual({
    kind: 'Pod',
    metadata: {
      name: 'web-a',
      namespace: 'shop',
      labels: { app: 'web' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1' }],
    },
    spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'web:1', ports: [{ containerPort: 8080 }] }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      hostIP: '10.1.0.4',
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
  expect(b.metadata.labels).toBe(a.metadata.labels);
  expect(b.spec!.containers).toBe(a.spec!.containers);
  expect(Object.isFrozen(a.spec!.containers![0])).toBe(true);
  const node = leanObject('Node', {
    metadata: { name: 'n1', annotations: { 'k8s.ovn.org/node-subnets': '{"default":"10.128.0.0/23"}', 'x.io/y': 'z' } },
    spec: { providerID: 'azure:///x' },
  } as Node);
  expect(node.metadata.annotations).toEqual({ 'k8s.ovn.org/node-subnets': '{"default":"10.128.0.0/23"}' });
  const svc = leanObject('Service', {
    metadata: { name: 's', annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
  } as Service);
  expect(svc).toEqual({
    metadata: { name: 's', annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
  });
});

test('leanObject: a Route keeps how TLS terminates, never its inline keys', () => {
  const route = leanObject('Route', {
    metadata: { name: 'r', namespace: 'p' },
    spec: {
      host: 'r.example.com',
      to: { kind: 'Service', name: 's' },
      tls: { termination: 'edge', key: 'PRIVATE', certificate: 'CERT', caCertificate: 'CA' },
    },
  } as unknown as Parameters<typeof leanObject>[1]) as unknown as { spec: Record<string, unknown> };
  expect(route.spec).toEqual({
    host: 'r.example.com',
    to: { kind: 'Service', name: 's' },
    tls: { termination: 'edge' },
  });
});

describe('paged lists', () => {
  const extraPods = Array.from({ length: 23 }, (_, i) => ({
    kind: 'Pod',
    metadata: { name: `filler-${i}`, namespace: 'project1', labels: { app: 'filler' } },
    spec: { nodeName: 'aro2-p8bjm-worker-northeurope1-qt8l7', containers: [{ name: 'app', image: 'busybox' }] },
    status: { phase: 'Running', podIP: `10.129.3.${i + 2}` },
  }));
  const podLists = (kube: FakeKube) =>
    kube.requests.filter((q) => q.path === '/api/v1/pods' && !q.watch).map((q) => new URLSearchParams(q.query));

  test('the first list is read page by page (limit + continue) and every page is cached', async () => {
    const r = await rig({}, 4, extraPods);
    try {
      const lists = podLists(r.kube);
      const all = r.kube.requests.length && (await r.live.list('Pod'));
      expect(lists.every((q) => q.get('limit') === '4')).toBe(true);
      expect(lists.filter((q) => q.get('continue')).length).toBe(lists.length - 1);
      expect(lists.length).toBe(Math.ceil((all as Pod[]).length / 4));
      expect((all as Pod[]).filter((p) => p.metadata.name.startsWith('filler-')).length).toBe(23);
    } finally {
      await r.stop();
    }
  }, 60_000);

  test('a continue token that expired (410) starts the list over; a watch that expired relists into the same objects', async () => {
    let expired = false;
    const r = await rig({}, 4, extraPods);
    try {
      // the relist's continue token expires between its pages
      r.kube.onList = (path, q) => {
        if (path === '/api/v1/pods' && q.get('continue') && !expired && podLists(r.kube).length > 2) {
          expired = true;
          r.kube.fault = 'gone';
        }
      };
      const before = r.inventory.list('Pod').find((p) => p.metadata.name === 'filler-3')!;
      const gen = r.inventory.generation;
      const listsBefore = podLists(r.kube).length;
      r.kube.fault = 'gone'; // open watches get 410 Expired: every informer lists again
      r.kube.upsert({ ...extraPods[0], metadata: { ...extraPods[0].metadata, name: 'arrived-while-gone' } });
      await until(() => r.inventory.list('Pod').some((p) => p.metadata.name === 'arrived-while-gone'));
      await until(() => podLists(r.kube).length > listsBefore + 2);
      const lists = podLists(r.kube).slice(listsBefore);
      // a fresh start (no continue) after the expired continue token
      expect(expired).toBe(true);
      expect(lists.filter((q) => !q.get('continue')).length).toBeGreaterThanOrEqual(2);
      r.kube.fault = null;
      await until(() => r.inventory.list('Pod').length === demoPodCount + 24);
      // unchanged objects are the cached ones: the relist held no second copy of them
      expect(r.inventory.list('Pod').find((p) => p.metadata.name === 'filler-3')).toBe(before);
      expect(r.inventory.generation).toBeGreaterThan(gen);
    } finally {
      await r.stop();
    }
  }, 60_000);
});

let demoPodCount = 0;
beforeAll(async () => {
  demoPodCount = (await SnapshotInventory.demo().list('Pod')).length;
});
