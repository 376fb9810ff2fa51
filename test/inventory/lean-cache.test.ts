// What the informer caches keep of pods and EndpointSlices: the fields the rules read, in compact objects, with an
// endpoint's strings shared with its cached pod (the slices are listed once the pods are cached).
import type { EndpointSlice, Pod } from '../../src/inventory/k8s-types';
import { KubeInventory, leanObject } from '../../src/inventory/kubernetes';
import { FakeKube } from '../helpers/fake-kube';
import { DEMO } from '../helpers/fixtures';
import { kubeConfigOf } from '../helpers/live';

const rawPod = (name: string, podIPs: { ip: string }[]): Pod =>
  ({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      resourceVersion: '7',
      creationTimestamp: '2026-11-20T08:14:03Z',
      labels: { app: 'web' },
      managedFields: [{ manager: 'kubelet' }],
    },
    spec: {
      nodeName: 'n1',
      containers: [{ name: 'app', image: 'web:1' }],
      volumes: [{ name: 'v' }],
      dnsPolicy: 'ClusterFirst',
    },
    status: {
      phase: 'Running',
      podIP: podIPs[0].ip,
      podIPs,
      hostIP: '10.1.0.4',
      hostIPs: [{ ip: '10.1.0.4' }],
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'x' }],
      qosClass: 'Burstable',
    },
  }) as unknown as Pod;

test('a pod keeps what the rules read: dnsPolicy; podIPs only when it says more than podIP; no hostIPs, no timestamps', () => {
  const raw = rawPod('web-a', [{ ip: '10.0.0.5' }]);
  const single = leanObject('Pod', raw);
  expect(raw.status?.podIPs).toEqual([{ ip: '10.0.0.5' }]); // the object as sent is left as it was
  expect(single).toEqual({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'web-a', namespace: 'shop', uid: 'uid-web-a', resourceVersion: '7', labels: { app: 'web' } },
    spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'web:1' }], dnsPolicy: 'ClusterFirst' },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      hostIP: '10.1.0.4',
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
  expect(Object.keys(single.status!)).not.toContain('podIPs');
  const dual = leanObject('Pod', rawPod('web-b', [{ ip: '10.0.0.6' }, { ip: 'fd00::6' }]));
  expect(dual.status?.podIPs).toEqual([{ ip: '10.0.0.6' }, { ip: 'fd00::6' }]);
  // repeated structures are one object, frozen
  expect(dual.status?.conditions).toBe(single.status?.conditions);
  expect(Object.isFrozen(single.metadata.labels)).toBe(true);
});

test('an EndpointSlice keeps addresses, conditions, node and target; its strings come from the cached pod', () => {
  const pod = leanObject('Pod', rawPod('web-a', [{ ip: '10.0.0.5' }]));
  const podOf = jest.fn((name: string, ns?: string) => (name === 'web-a' && ns === 'shop' ? pod : undefined));
  const endpoint = (name: string, ip: string) => ({
    addresses: [ip],
    conditions: { ready: true, serving: true, terminating: false },
    hostname: name,
    zone: 'westeurope-1',
    hints: { forZones: [{ name: 'westeurope-1' }] },
    nodeName: 'n1',
    targetRef: { kind: 'Pod', name, namespace: 'shop', uid: `uid-${name}` },
  });
  const slice = leanObject(
    'EndpointSlice',
    {
      addressType: 'IPv4',
      metadata: { name: 'web-x1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
      endpoints: [endpoint('web-a', '10.0.0.5'), endpoint('web-gone', '10.0.0.9')],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' }],
    } as unknown as EndpointSlice,
    podOf,
  );
  expect(slice).toEqual({
    addressType: 'IPv4',
    metadata: { name: 'web-x1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
    endpoints: [
      {
        addresses: ['10.0.0.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'n1',
        targetRef: { kind: 'Pod', name: 'web-a', namespace: 'shop' },
      },
      {
        addresses: ['10.0.0.9'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'n1',
        targetRef: { kind: 'Pod', name: 'web-gone', namespace: 'shop' },
      },
    ],
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  });
  expect(podOf).toHaveBeenCalledWith('web-a', 'shop');
  expect(podOf).toHaveBeenCalledWith('web-gone', 'shop');
  expect(slice.endpoints![0].conditions).toBe(slice.endpoints![1].conditions);
});

test('EndpointSlices are listed once the pods are cached, and both caches answer', async () => {
  const kube = await FakeKube.fromSnapshotDir(DEMO).start();
  const inventory = new KubeInventory({ kubeConfig: kubeConfigOf(kube).kc, restartDelayMs: 100, pageSize: 2 });
  try {
    await inventory.start();
    const lists = kube.requests.filter((q) => !q.watch).map((q) => q.path);
    const lastPodPage = lists.lastIndexOf('/api/v1/pods');
    const firstSlicePage = lists.indexOf('/apis/discovery.k8s.io/v1/endpointslices');
    expect(lastPodPage).toBeGreaterThanOrEqual(0);
    expect(firstSlicePage).toBeGreaterThan(lastPodPage);
    const pods = inventory.list('Pod');
    const slices = inventory.list('EndpointSlice');
    expect(slices.length).toBeGreaterThan(0);
    const named = new Set(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    const refs = slices.flatMap((s) => (s.endpoints ?? []).map((e) => e.targetRef).filter((r) => r?.kind === 'Pod'));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => named.has(`${r!.namespace}/${r!.name}`))).toBe(true);
    expect(inventory.pending()).toEqual([]);
  } finally {
    await inventory.stop();
    await kube.stop();
  }
}, 60_000);
