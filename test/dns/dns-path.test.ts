// The DNS path of a pod and of names outside the cluster, on the demo (ARO) and AKS fixtures: which server the pod
// asks (dnsPolicy), the cluster DNS Service and its pods, the upstream (VNet DNS servers or Azure DNS) and the
// source each one sees; pasted lookup errors name the server the pod asked.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { privateLinkZone } from '../../src/path/azure-services';
import { isClusterName, lookupOrder, resolvConfOf } from '../../src/path/dns';
import type { PathResult } from '../../src/path/result';

const fx = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const hop = (r: PathResult, kind: string, i = 0) => r.hops.filter((h) => h.kind === kind)[i];

describe('demo (ARO, OVN-Kubernetes)', () => {
  const demo = SnapshotInventory.demo();

  test('dns path of sqlapi: pod → openshift-dns/dns-default → its pods → Azure DNS, seen as the node IP', async () => {
    const r = await ask('dns path of sqlapi', demo);
    expect(r).toMatchObject({ intent: 'dns', status: 'answered', errors: [] });
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'service', 'pod', 'dns']);
    expect(r.hops[0]).toMatchObject({ name: 'project1/sqlapi-1-8jgx8', src: '10.129.2.7', dst: '172.30.0.10' });
    expect(r.answer).toContain('which sees its node IP (10.0.2.4 from dns-default-4tq8n)');
    expect(r.hops[0].note).toContain('search project1.svc.cluster.local svc.cluster.local cluster.local, ndots:5');
    expect(r.hops[1]).toMatchObject({ name: 'openshift-dns/dns-default', ip: '172.30.0.10', src: '10.129.2.7' });
    expect(r.hops[1].nat).toEqual({ kind: 'dnat', from: '172.30.0.10', to: '10.129.2.3, 10.128.2.3, 10.131.0.3' });
    expect(r.hops[2].note).toContain('dns-default-4tq8n 10.129.2.3 on aro2-p8bjm-worker-northeurope1-qt8l7');
    // OVN-Kubernetes SNATs the DNS pod's query to its node's IP on the way to 168.63.129.16
    expect(r.hops[3]).toMatchObject({ name: 'Azure DNS', ip: '168.63.129.16', src: '10.0.2.4', dst: '168.63.129.16' });
    expect(r.hops[3].nat).toEqual({ kind: 'snat', from: '10.129.2.3', to: '10.0.2.4' });
    expect(r.answer).toMatch(
      /^sqlapi-1-8jgx8 in project1 \(dnsPolicy ClusterFirst\) sends DNS queries to the cluster DNS/,
    );
    expect(r.answer).toContain('VNet aro2-vnet sets no custom DNS servers');
    expect(r.verify).toEqual(
      expect.arrayContaining([
        'oc exec -n project1 sqlapi-1-8jgx8 -- cat /etc/resolv.conf',
        'oc get svc -n openshift-dns dns-default -o wide',
        'oc get dns.operator/default -o yaml',
        'az network vnet show -g aro2 -n aro2-vnet --query dhcpOptions',
      ]),
    );
    expect(r.warnings.join(' ')).toMatch(/DNS operator/);
  });

  test('an external name from a pod: the same path, and no invented address', async () => {
    const r = await ask('how does sqlapi resolve login.microsoftonline.com', demo);
    expect(r.intent).toBe('dns');
    expect(hop(r, 'dns').ip).toBe('168.63.129.16');
    expect(r.answer).toContain('I cannot know which address an internet name resolves to');
    expect(r.answer).toContain('login.microsoftonline.com.project1.svc.cluster.local');
    expect(r.verify).toContain('oc exec -n project1 sqlapi-1-8jgx8 -- nslookup login.microsoftonline.com');
    expect(r.hops.some((h) => h.kind === 'dns' && h.ip !== '168.63.129.16')).toBe(false);
  });

  test('a Service name is still resolved, not turned into a path', async () => {
    const r = await ask('what does server.project1 point to from the sqlapi pod?', demo);
    expect(r.answer).toMatch(/resolves from project1\/sqlapi-1-8jgx8 to 172\.30\./);
  });
});

describe('AKS kubenet (aks-natgw)', () => {
  const inv = fx('aks-natgw');

  test('which DNS server does pod web use: kube-system/kube-dns 10.0.0.10, CoreDNS pods, Azure DNS', async () => {
    const r = await ask('which DNS server does pod web-7d4b9c8f6d-abcde use', inv);
    expect(r.hops.map((h) => [h.kind, h.ip])).toEqual([
      ['pod', '10.244.0.12'],
      ['service', '10.0.0.10'],
      ['pod', '10.244.0.3'],
      ['dns', '168.63.129.16'],
    ]);
    expect(r.answer).toContain('CoreDNS pods coredns-6f8b9d5c7-2xk9p, coredns-6f8b9d5c7-7hj4m');
    // kubenet: the CoreDNS pod's query leaves with its node IP (vmss000000, where coredns-…-2xk9p runs)
    expect(hop(r, 'dns')).toMatchObject({
      src: '10.224.0.4',
      nat: { kind: 'snat', from: '10.244.0.3', to: '10.224.0.4' },
    });
    expect(r.verify).toEqual(
      expect.arrayContaining([
        'kubectl exec -n shop web-7d4b9c8f6d-abcde -- cat /etc/resolv.conf',
        'kubectl get svc -n kube-system kube-dns -o wide',
        'kubectl get cm -n kube-system coredns-custom -o yaml',
      ]),
    );
    expect(r.warnings.join(' ')).toMatch(/coredns-custom/);
  });

  test('terse "dns db-0" (a pod, no Service of that name) is its path; "dns api" still resolves the Service', async () => {
    const path = await ask('dns db-0', inv);
    expect(path.hops[0]).toMatchObject({ kind: 'pod', name: 'shop/db-0', dst: '10.0.0.10' });
    const svc = await ask('dns api', inv);
    expect(svc.answer).toMatch(/^api resolves from pods in namespace shop to 10\.0\.201\.17/);
  });

  test('a pasted Go lookup timeout: 10.0.0.10 is the cluster DNS Service the pod asked', async () => {
    const r = await ask(
      'dns lookup login.microsoftonline.com on 10.0.0.10:53: read udp 10.244.1.8:41234->10.0.0.10:53: i/o timeout',
      inv,
    );
    expect(r.answer).toMatch(/^10\.0\.0\.10 in that output is the cluster DNS Service kube-system\/kube-dns/);
    expect(r.answer).toContain('A timeout there means no DNS pod answered');
    // the source address in the pasted line is web-7d4b9c8f6d-fghij's
    expect(r.hops[0]).toMatchObject({ name: 'shop/web-7d4b9c8f6d-fghij', src: '10.244.1.8' });
  });

  test('the CoreDNS pod itself (dnsPolicy Default) asks the node resolv.conf: Azure DNS directly', async () => {
    const r = await ask('dns path of coredns-6f8b9d5c7-2xk9p', inv);
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'dns']);
    expect(r.answer).toContain('has dnsPolicy Default');
  });

  test('hostNetwork with ClusterFirstWithHostNet: the cluster DNS, seen from the node IP', async () => {
    const r = await ask('which dns server does kube-proxy-4jx7s use', inv);
    expect(hop(r, 'service')).toMatchObject({ ip: '10.0.0.10', src: r.hops[0].ip });
  });
});

describe('phrasings that ask for the path (aks-lb)', () => {
  const inv = fx('aks-lb');

  test.each([
    'who resolves names for api?',
    'which nameserver does api use',
    'how does name resolution work for the api pod',
    'dns config of api',
  ])('%s', async (q) => {
    const r = await ask(q, inv);
    expect(r.intent).toBe('dns');
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'service', 'pod', 'dns']);
    expect(r.hops[0].name).toBe('shop/api-5f6d7c8b9-klmno');
  });

  test('a Service named beside the pod is answered on the way, then the path', async () => {
    const r = await ask('getaddrinfo ENOTFOUND db in the api pod, how does name lookup work for api?', inv);
    // a headless Service's name is answered with its ready pod IPs
    expect(r.answer).toMatch(/^The cluster DNS answers db itself: db\.shop\.svc\.cluster\.local → 10\.244\.1\.9, /);
    expect(r.hops[0].name).toBe('shop/api-5f6d7c8b9-klmno');
  });

  test("a pod's own record, asked with path words, is answered with that pod's IP, not a Service IP", async () => {
    const r = await ask('which dns server answers db-0.db.shop.svc.cluster.local for the api pod, and with what?', inv);
    expect(r.intent).toBe('dns');
    expect(r.answer).toContain('db-0.db.shop.svc.cluster.local → 10.244.1.9, the pod IP of db-0, not a Service IP');
  });

  test('the name a pod looks up is resolved from that pod, named', async () => {
    const r = await ask('how does db-0 resolve api.shop for the new proxy config', inv);
    expect(r.answer).toMatch(/^api\.shop resolves from shop\/db-0 to 10\.\d+\.\d+\.\d+ /);
  });

  test('a name looked up from a workload holds for all its replicas', async () => {
    const r = await ask('what does api.shop resolve to from the web pods', inv);
    expect(r.answer).toContain('All 2 replicas of web (web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij)');
  });

  test("nslookup's Server: line names the cluster DNS", async () => {
    const r = await ask(
      "Server:  10.0.0.10\nAddress: 10.0.0.10#53\n** server can't find example.org: NXDOMAIN\nthat was nslookup in web-7d4b9c8f6d-abcde, which dns server?",
      inv,
    );
    expect(r.answer).toMatch(/^10\.0\.0\.10 in that output is the cluster DNS Service kube-system\/kube-dns/);
    expect(r.answer).toContain('NXDOMAIN means');
  });

  test("an app with replicas: one pod's path, said so", async () => {
    const r = await ask('dns path of web', inv);
    expect(r.answer).toMatch(/^All 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\) share one pod/);
    expect(r.answer).toMatch(/this is web-7d4b9c8f6d-\w+'s path\./);
  });
});

describe('Azure CNI overlay (aks-cni-overlay)', () => {
  test('the upstream sees the node IP (overlay SNAT)', async () => {
    const r = await ask('dns path of api', fx('aks-cni-overlay'));
    expect(hop(r, 'dns')).toMatchObject({ ip: '168.63.129.16', src: '10.224.0.4' });
  });
});

describe('aks-private-subnet and aro-egressip', () => {
  test('private subnet: Azure DNS still answers (168.63.129.16 is reached without outbound access)', async () => {
    const r = await ask('which dns server does web-7d4b9c8f6d-abcde use', fx('aks-private-subnet'));
    expect(hop(r, 'dns')).toMatchObject({ ip: '168.63.129.16' });
    expect(hop(r, 'dns').note).toContain('without UDRs');
  });

  test("an EgressIP on project1 does not change the DNS pods' source", async () => {
    const r = await ask('dns path of sqlapi', fx('aro-egressip'));
    expect(hop(r, 'dns').src).toBe('10.0.2.4');
  });
});

describe('custom DNS servers on the VNet (aks-custom-dns: Azure CNI pod subnet, dhcpOptions 10.100.2.4/.5)', () => {
  const inv = fx('aks-custom-dns');

  test('CoreDNS forwards to the VNet custom DNS servers; a private destination sees the CoreDNS pod IP', async () => {
    const r = await ask('dns path of web-7d4b9c8f6d-abcde', inv);
    expect(hop(r, 'dns')).toMatchObject({ name: 'upstream DNS', ip: '10.100.2.4', src: '10.225.0.3' });
    expect(hop(r, 'dns').nat).toBeUndefined();
    expect(r.answer).toContain('the custom DNS servers of VNet aks-vnet-12345678 (10.100.2.4, 10.100.2.5)');
  });

  test('dnsPolicy None: only the dnsConfig nameservers, no cluster DNS', async () => {
    const r = await ask('dns path of legacy-0', inv);
    expect(r.hops.map((h) => [h.kind, h.ip])).toEqual([
      ['pod', '10.225.0.40'],
      ['dns', '10.100.2.4'],
    ]);
    expect(r.hops[0].note).toBe('dnsPolicy None, search corp.contoso.com, ndots:2');
    expect(r.answer).toContain('has dnsPolicy None');
  });

  test('hostNetwork with ClusterFirst falls back to the node resolv.conf', async () => {
    const r = await ask('dns node-exporter-7x2kq', inv);
    expect(r.answer).toContain('falls back to Default');
    expect(r.hops.map((h) => [h.kind, h.ip, h.src])).toEqual([
      ['pod', '10.224.0.5', '10.224.0.5'],
      ['dns', '10.100.2.4', '10.224.0.5'],
    ]);
  });

  test('a private endpoint name: the privatelink zone, and custom servers must forward to 168.63.129.16', async () => {
    const r = await ask('how does api resolve mydb.database.windows.net', inv);
    expect(r.answer).toContain('private DNS zone privatelink.database.windows.net linked to VNet aks-vnet-12345678');
    expect(r.answer).toContain('must forward it to 168.63.129.16');
    expect(r.verify).toContain(
      'az network private-dns link vnet list -g <zone-resource-group> -z privatelink.database.windows.net -o table',
    );
  });

  test('a pasted lookup naming the dnsConfig server', async () => {
    const r = await ask('dns lookup foo.corp.contoso.com on 10.100.2.4:53: server misbehaving from legacy-0', inv);
    expect(r.answer).toMatch(/^10\.100\.2\.4 in that output is a nameserver from the pod's dnsConfig/);
  });
});

describe('rules', () => {
  const pod = (spec: object, ns = 'shop') => ({ metadata: { namespace: ns }, spec });

  test('resolv.conf by dnsPolicy', () => {
    expect(resolvConfOf(pod({}))).toMatchObject({ policy: 'ClusterFirst', via: 'cluster', ndots: 5 });
    expect(resolvConfOf(pod({ hostNetwork: true }))).toMatchObject({ via: 'node', hostNetFallback: true });
    expect(resolvConfOf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).via).toBe('cluster');
    expect(resolvConfOf(pod({ dnsPolicy: 'Default' })).searches).toEqual([]);
    const merged = resolvConfOf(
      pod({ dnsConfig: { searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }] } }),
    );
    expect(merged.searches).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example']);
    expect(merged.ndots).toBe(2);
  });

  test('lookup order: search domains first below ndots; a trailing dot skips them', () => {
    const conf = resolvConfOf(pod({}));
    expect(lookupOrder('example.com', conf)[0]).toBe('example.com.shop.svc.cluster.local');
    expect(lookupOrder('example.com.', conf)).toEqual(['example.com']);
    expect(lookupOrder('a.b.c.d.e.f', conf)[0]).toBe('a.b.c.d.e.f');
  });

  test('cluster names and private endpoint zones', () => {
    const ns = new Set(['shop']);
    expect(isClusterName('api.shop', ns)).toBe(true);
    expect(isClusterName('api.shop.svc.cluster.local', ns)).toBe(true);
    expect(isClusterName('login.microsoftonline.com', ns)).toBe(false);
    expect(privateLinkZone('mydb.database.windows.net')).toBe('privatelink.database.windows.net');
    expect(privateLinkZone('acct.privatelink.blob.core.windows.net')).toBe('privatelink.blob.core.windows.net');
    expect(privateLinkZone('kv1.vault.azure.net')).toBe('privatelink.vaultcore.azure.net');
    expect(privateLinkZone('example.com')).toBeUndefined();
  });
});
