// Inbound layouts and what the pod sees: several router / ingress-controller replicas (the set),
// externalTrafficPolicy Cluster on OVN-Kubernetes (the gateway router's join address, not the
// node IP) and on kube-proxy (the node IP), Local (the client), and the "can the router reach it?"
// follow-up naming the router's namespace.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { demoCopy, edit } from '../helpers/fixtures';

const fx = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const ROUTE = 'how does traffic reach route sqlapilb';

test('ARO route, two router replicas: the app sees one of the router pod IPs (the set), the client in XFF', async () => {
  const r = await ask(ROUTE, SnapshotInventory.demo());
  expect(r.seenAs).toEqual(['10.131.0.5', '10.129.2.4']);
  expect(r.clientIp).toBe('xff');
  expect(r.answer).toMatch(/one of the router pods' IPs \(10\.131\.0\.5 or 10\.129\.2\.4\)/);
  const last = r.hops.at(-1)!;
  expect([last.kind, last.dst, last.port]).toEqual(['pod', '10.129.2.7', 8080]);
  expect(r.followUps.find((f) => f.intent === 'policy')?.question).toBe(
    'can openshift-ingress/router-default-cf4d7b6d5-lcxtl reach project1/sqlapi-1-8jgx8',
  );
});

test('the follow-up question answers (router namespace, app namespace)', async () => {
  const r = await ask(
    'can openshift-ingress/router-default-cf4d7b6d5-lcxtl reach project1/sqlapi-1-8jgx8',
    SnapshotInventory.demo(),
  );
  expect(r.status).toBe('answered');
  expect(r.intent).toBe('policy');
});

test('ARO LoadBalancer Service with ETP Cluster: the pod sees the OVN gateway router join address, not the node IP', async () => {
  const r = await ask('inbound service sqlapilb -n project1', SnapshotInventory.demo());
  expect(r.clientIp).toBe('snat');
  expect(r.seenAs).toEqual(['100.64.0.0/16']);
  expect(r.answer).toMatch(/OVN gateway router \(join switch\) address in 100\.64\.0\.0\/16/);
  expect(r.hops.find((h) => h.kind === 'node')?.note).toMatch(/SNAT by OVN-Kubernetes.*not the node IP/);
});

test('ARO: the node annotation gives the exact gateway router address', async () => {
  const dir = demoCopy();
  edit(dir, 'kubernetes/nodes.json', (doc) => {
    for (const n of doc.items)
      n.metadata.annotations = {
        ...n.metadata.annotations,
        'k8s.ovn.org/node-gateway-router-lrp-ifaddr': `{"ipv4":"100.64.0.${doc.items.indexOf(n) + 2}/16"}`,
      };
  });
  const r = await ask('inbound service sqlapilb -n project1', SnapshotInventory.load(dir));
  expect(r.seenAs?.[0]).toMatch(/^100\.64\.0\.\d+$/);
});

test('ARO router with ETP Cluster: X-Forwarded-For holds the OVN address, the app still sees the routers', async () => {
  const dir = demoCopy();
  edit(dir, 'kubernetes/services.json', (doc) => {
    const router = doc.items.find((s: any) => s.metadata.name === 'router-default');
    router.spec.externalTrafficPolicy = 'Cluster';
    delete router.spec.healthCheckNodePort;
  });
  const r = await ask(ROUTE, SnapshotInventory.load(dir));
  expect(r.seenAs).toEqual(['10.131.0.5', '10.129.2.4']);
  expect(r.warnings.join('\n')).toMatch(/router itself sees OVN gateway router addresses/);
});

test('AKS ingress-nginx, two replicas, ETP Cluster on kube-proxy: the set of controller pods; they see node IPs', async () => {
  const r = await ask('inbound shop.contoso.com', fx('aks-lb'));
  expect(r.seenAs).toEqual(['10.244.0.7', '10.244.2.6']);
  expect(r.warnings.join('\n')).toMatch(/controller itself sees node IPs/);
});

test('AKS LoadBalancer Service ETP Cluster (kube-proxy): the node IP; ETP Local: the client', async () => {
  const cluster = await ask('inbound service ingress-nginx-controller -n ingress-nginx', fx('aks-lb'));
  expect(cluster.clientIp).toBe('snat');
  // any of the three workers may receive and SNAT it
  expect(cluster.seenAs).toEqual(['10.224.0.4', '10.224.0.5', '10.224.0.6']);
  const local = await ask('inbound service web -n shop from 203.0.113.9', fx('aks-lb'));
  expect(local.clientIp).toBe('kept');
  expect(local.seenAs).toEqual(['203.0.113.9']);
});

test('AKS with AGIC: Application Gateway straight to the pod IPs from its subnet, client IP in X-Forwarded-For', async () => {
  const r = await ask('how does traffic reach shop-agw.contoso.com', fx('aks-agic'));
  expect(r.hops.map((h) => [h.kind, h.src, h.dst])).toEqual([
    ['client', undefined, 'shop-agw.contoso.com'],
    ['dns', undefined, undefined],
    ['public-ip', 'client', '20.31.50.10'],
    ['application-gateway', 'client', '20.31.50.10'],
    ['pod', '10.225.0.0/24', '10.244.0.12'],
    ['pod', '10.225.0.0/24', '10.244.1.8'],
  ]);
  // no LoadBalancer Service, no node hop
  expect(r.hops.some((h) => h.kind === 'node' || h.kind === 'load-balancer')).toBe(false);
  expect(r.hops.find((h) => h.kind === 'application-gateway')?.note).toMatch(/listener fl-shop-agw\.contoso\.com-80/);
  expect([r.seenAs, r.clientIp]).toEqual([['10.225.0.0/24'], 'xff']);
  expect(r.warnings).toEqual([]);
  expect(r.errors).toEqual([]);
});

test('AGIC: a backend pool without the pod IPs is flagged (AGIC not synced)', async () => {
  const dir = join(__dirname, '..', 'fixtures', 'aks-agic');
  const copy = mkdtempSync(join(tmpdir(), 'agic-'));
  cpSync(dir, copy, { recursive: true });
  edit(copy, 'azure/application-gateways.json', (doc) => {
    doc.value[0].properties.backendAddressPools[1].properties.backendAddresses = [{ ipAddress: '10.244.9.9' }];
  });
  const r = await ask('how does traffic reach shop-agw.contoso.com', SnapshotInventory.load(copy));
  expect(r.warnings.join('\n')).toMatch(/No backend pool of aks-agw holds the pod IPs of web/);
});

test('AKS with Application Gateway for Containers (Gateway API): pod IPs from the delegated subnet', async () => {
  const r = await ask('how does traffic reach shop-agc.contoso.com', fx('aks-agc'));
  expect(r.hops.map((h) => [h.kind, h.src, h.dst])).toEqual([
    ['client', undefined, 'shop-agc.contoso.com'],
    ['dns', undefined, undefined],
    ['application-gateway', 'client', 'c7f2e1d0b9a8f7e6.fz53.alb.azure.com'],
    ['pod', 'an address of 10.225.1.0/24', '10.244.0.12'],
    ['pod', 'an address of 10.225.1.0/24', '10.244.1.8'],
  ]);
  expect([r.seenAs, r.clientIp]).toEqual([['10.225.1.0/24'], 'xff']);
  expect(r.answer).toMatch(/no LoadBalancer Service and no node hop/);
});

// a host served by an Ingress or Route wins over a load balancer address seen only in pasted output
describe('a named host over a pasted load balancer address', () => {
  const svcTable = (ns: string, row: string) =>
    `$ kubectl get svc -n ${ns}\nNAME   TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\n${row}\n`;

  test('kubectl get svc of the ingress controller, then the host (aks-lb)', async () => {
    const row =
      'ingress-nginx-controller   LoadBalancer   10.0.87.214   20.31.46.88   80:30812/TCP,443:32443/TCP   12d';
    const q = `${svcTable('ingress-nginx', row)}shop.contoso.com times out. how does it get to the web pods?`;
    const r = await ask(q, fx('aks-lb'));
    expect(r.intent).toBe('inbound');
    expect(r.hops.map((h) => h.kind)).toContain('ingress-controller');
    expect(r.hops[r.hops.length - 1].name).toMatch(/^shop\/web-/);
    // the ClusterIP column is no client
    expect(JSON.stringify(r.hops)).not.toContain('10.0.87.214');
    expect(r.warnings.join('\n')).not.toMatch(/in the pasted output/);
  });

  test('another load balancer pasted: the host path, with a note (aks-lb)', async () => {
    const row = 'web    LoadBalancer   10.0.118.42   20.31.46.20   80:31380/TCP   12d';
    const r = await ask(`${svcTable('shop', row)}shop.contoso.com: how does it get to the web pods?`, fx('aks-lb'));
    expect(r.hops.map((h) => h.kind)).toContain('ingress-controller');
    expect(r.warnings).toContain(
      '20.31.46.20 in the pasted output is the load balancer of Service shop/web, not the way in of shop.contoso.com, ' +
        'which is reached at 20.31.46.88',
    );
  });

  test('curl -v to a route host, "Connected to" the router address (aro-egressip)', async () => {
    const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
    const q =
      `curl -sv https://${host}/health\n*   Trying 20.67.170.10:443...\n` +
      `* Connected to 20.67.170.10 (20.67.170.10) port 443 (#0)\nwhat is the path for this host?`;
    const r = await ask(q, fx('aro-egressip'));
    expect(r.intent).toBe('inbound');
    expect(r.answer).toContain(host);
    expect(r.hops[r.hops.length - 1].name).toBe('project1/sqlapi-1-8jgx8');
    expect(r.warnings.join('\n')).not.toMatch(/in the pasted output/);
  });
});
