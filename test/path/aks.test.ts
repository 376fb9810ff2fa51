// AKS fixtures (test/fixtures/README.md): VMSS nodes, kubenet, IP-based pools,
// NAT gateway with a prefix, user-defined routes to a firewall, ingress-nginx.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fx = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const lb = fx('aks-lb');
const kinds = (r: any) => r.hops.map((h: any) => h.kind);

describe.each([
  [
    'aks-lb',
    ['pod', 'node', 'load-balancer', 'public-ip', 'internet'],
    '20.31.45.117',
    /outbound rule aksOutboundRule.*1024 SNAT ports per node/,
    [],
  ],
  [
    'aks-natgw',
    ['pod', 'node', 'nat-gateway', 'public-ip', 'public-ip', 'public-ip', 'internet'],
    // any one of the set: the last hop names no single address, seenAs holds them all
    ['20.50.61.10', '20.50.61.11', '20.50.60.0/30'],
    /20\.50\.61\.10, 20\.50\.61\.11, 20\.50\.60\.0\/30: NAT gateway aks-natgw/,
    [],
  ],
  [
    'aks-udr',
    ['pod', 'node', 'route-table', 'firewall', 'public-ip', 'internet'],
    '51.104.20.30',
    /route default \(0\.0\.0\.0\/0\) of route table aks-udr sends it to Azure Firewall hub-fw \(10\.100\.0\.4\)/,
    [],
  ],
  [
    'aks-ipbased',
    ['pod', 'node', 'load-balancer', 'public-ip', 'internet'],
    '20.31.45.117',
    /16000 SNAT ports per node.*room for 4 nodes \(4 in the pool\)/,
    [/allows only 4: further nodes get no outbound ports/],
  ],
])('egress on %s', (name, hops, seenAs, answer, warnings) => {
  test('precedence, hops and the address the Internet sees', async () => {
    const r = await ask('what is the public ip of web-7d4b9c8f6d-abcde', fx(name));
    expect(r.errors).toEqual([]);
    expect(kinds(r)).toEqual(hops);
    if (Array.isArray(seenAs)) {
      expect(r.seenAs).toEqual(seenAs);
      expect(r.hops.at(-1)?.src).toBeUndefined();
    } else expect(r.hops.at(-1)?.src).toBe(seenAs);
    expect(r.answer).toMatch(answer);
    for (const w of warnings) expect(r.warnings.join(' ')).toMatch(w);
  });
});

test('aks-udr: an on-premises destination takes the gateway route, not the firewall', async () => {
  const r = await ask('egress web-7d4b9c8f6d-abcde to reach 192.168.10.5', fx('aks-udr'));
  expect(r.answer).toMatch(/virtual network gateway/);
});

test('two replicas of a deployment are one answer, said so', async () => {
  const r = await ask('public ip of web', lb);
  expect(r.status).toBe('answered');
  expect(r.warnings[0]).toMatch(/2 replicas of web/);
});

test('public LoadBalancer Service with externalTrafficPolicy Local: the pod sees the client IP', async () => {
  const r = await ask('how does traffic reach service web -n shop from 198.51.100.7', lb);
  expect(kinds(r)).toEqual(['client', 'public-ip', 'load-balancer', 'node', 'pod']);
  expect(r.hops[2]).toMatchObject({
    name: 'kubernetes',
    ip: '20.31.46.20',
    port: 80,
  });
  expect(r.hops.at(-1)).toMatchObject({
    src: '198.51.100.7',
    dst: '10.244.0.12',
    port: 8080,
  });
});

test('Ingress (nginx, externalTrafficPolicy Cluster): controller sees the node IP, app sees the controller pod', async () => {
  const r = await ask('how does traffic reach shop.contoso.com', lb);
  expect(kinds(r)).toEqual(['client', 'dns', 'public-ip', 'load-balancer', 'node', 'ingress-controller', 'pod']);
  expect(r.hops[5]).toMatchObject({ src: '10.224.0.4', dst: '10.244.0.7' });
  expect(r.hops.at(-1)).toMatchObject({
    name: 'shop/web-7d4b9c8f6d-abcde',
    src: '10.244.0.7',
  });
  expect(r.warnings.join(' ')).toMatch(/X-Forwarded-For holds a node IP/);
});

test.each([
  ['can api reach db on 5432', true, /allowed by NetworkPolicy db-allow-api/],
  ['can web reach db on 5432', false, /isolated for ingress by NetworkPolicy shop\/db-allow-api/],
  ['can api reach db on 5433', false, /no rule allows .* on TCP\/5433/],
])('%s', async (q, allowed, pattern) => {
  const r = await ask(q, lb);
  expect(r.answer.startsWith(allowed ? 'Yes' : 'No')).toBe(true);
  expect(r.answer).toMatch(pattern);
});

test('headless StatefulSet name resolves to the pod; kubenet routes cross-node', async () => {
  const r = await ask('path from api to db-0.db.shop.svc.cluster.local:5432', lb);
  expect(kinds(r)).toEqual(['pod', 'dns', 'node', 'node', 'pod']);
  expect(r.hops[3].note).toMatch(/kubenet/);
  expect(r.hops.at(-1)).toMatchObject({
    name: 'shop/db-0',
    src: '10.244.2.15',
    dst: '10.244.1.9',
  });
});

test('VMSS members and purposes of the AKS load balancer', async () => {
  const r = await ask('which load balancers are there', lb);
  expect(r.answer).toMatch(/kubernetes \(public, backends: 3 agents\)/);
  expect(r.answer).toMatch(/ingress for Service shop\/web \(port 80\)/);
  expect(r.answer).toMatch(/egress for 3 agents via outbound rule aksOutboundRule/);
  // each backend pool by name, with its size (the inbound rules' pool and the outbound rule's)
  const fact = r.facts.find((f) => f.label === 'kubernetes')?.value;
  expect(fact).toMatch(/\(NIC-based; pools kubernetes \(3\), aksOutboundBackendPool \(3\)\)/);
});

test('what-is on AKS: node IP shared with host-network pods', async () => {
  expect((await ask('what is 10.224.0.5', lb)).answer).toMatch(
    /IP of node aks-nodepool1-12345678-vmss000001.*host-network/,
  );
});
