// NetworkPolicy at the end of the way in: the pod a connection lands on must accept the source it sees there — the
// Internet client (externalTrafficPolicy Local), the node after SNAT (Cluster), or the ingress controller's pod.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

const policy = (name: string, app: string, from: unknown[], port = 8080) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'shop' },
  spec: {
    podSelector: { matchLabels: { app } },
    policyTypes: ['Ingress'],
    ingress: [{ from, ports: [{ port, protocol: 'TCP' }] }],
  },
});
const fromNginx = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };

/** aks-lb (web: a LoadBalancer Service with externalTrafficPolicy Local, and an nginx ingress) with more policies. */
async function onAksLb(q: string, extra: unknown[], etp?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'inbound-netpol-'));
  cpSync(fixture('aks-lb'), dir, { recursive: true });
  edit(dir, 'kubernetes/policies.json', (doc) => void doc.items.push(...extra));
  if (etp)
    edit(dir, 'kubernetes/core.json', (doc) => {
      for (const s of doc.items)
        if (s.kind === 'Service' && s.metadata.name === 'web') s.spec.externalTrafficPolicy = etp;
    });
  try {
    return await ask(q, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('only the ingress controller let in: the load balancer way in is denied at the pod, the ingress way is not', async () => {
  const direct = await onAksLb('how does traffic from the internet reach service web?', [
    policy('web-from-nginx', 'web', [fromNginx]),
  ]);
  expect(direct.answer).toMatch(
    /^shop\/web-7d4b9c8f6d-abcde does not accept it from the client: NetworkPolicy web-from-nginx drops it\. Were it allowed: /,
  );
  expect(direct.title).toMatch(/^Denied by NetworkPolicy web-from-nginx/);
  expect(direct.warnings[0]).toMatch(/allow only pods and namespaces, never clients outside the cluster/);
  expect(direct.verify).toContain('kubectl get networkpolicy -n shop -o yaml');

  const viaIngress = await onAksLb('how does a request to shop.contoso.com reach the pod?', [
    policy('web-from-nginx', 'web', [fromNginx]),
  ]);
  expect(viaIngress.answer).not.toMatch(/does not accept|Were it allowed/);
  const said = viaIngress.facts.filter((f) => f.label === 'Policy').map((f) => f.value);
  expect(said).toContainEqual(
    expect.stringMatching(
      /^shop\/web-.* from ingress-nginx\/ingress-nginx-controller-.*allowed by NetworkPolicy shop\/web-from-nginx/,
    ),
  );
});

test('an ipBlock rule: only the addresses it names get in, and a client given by address is judged', async () => {
  const office = policy('web-from-office', 'web', [{ ipBlock: { cidr: '198.51.100.0/24' } }]);
  const anyone = await onAksLb('how does traffic from the internet reach service web?', [office]);
  expect(anyone.answer).toMatch(
    /^Only clients from 198\.51\.100\.0\/24 get in \(NetworkPolicy web-from-office on shop\/web-/,
  );
  const inside = await onAksLb('client 198.51.100.7 hits service web — what does web see?', [office]);
  expect(inside.answer).not.toMatch(/^Only|does not accept/);
  expect(inside.facts).toContainEqual({
    label: 'Policy',
    value: expect.stringMatching(/from 198\.51\.100\.7: allowed by NetworkPolicy shop\/web-from-office/),
  });
  const outside = await onAksLb('client 203.0.113.9 hits service web — what does web see?', [office]);
  expect(outside.answer).toMatch(/does not accept it from 203\.0\.113\.9: NetworkPolicy web-from-office drops it/);
});

test('externalTrafficPolicy Cluster: judged for the node address after SNAT, with the caveat the docs give', async () => {
  const r = await onAksLb(
    'how does traffic from the internet reach service web?',
    [policy('web-from-office', 'web', [{ ipBlock: { cidr: '198.51.100.0/24' } }])],
    'Cluster',
  );
  expect(r.answer).toMatch(/does not accept it from 10\.224\.0\.\d+ \(the node, after SNAT\)/);
  expect(r.warnings.join('\n')).toMatch(/leaves undefined whether a NetworkPolicy sees the client or the address/);
});

test('no policy selects the pod: the answer stands, and a cluster without policies says nothing of them', async () => {
  const demo = await ask('how does traffic reach route sqlapilb?', SnapshotInventory.demo());
  expect(demo.status).toBe('answered');
  expect(demo.facts.map((f) => f.label)).not.toContain('Policy');
  const other = await onAksLb('how does traffic from the internet reach service web?', []);
  expect(other.answer).toMatch(/^Traffic reaches shop\/web at 20\.31\.46\.20:80/);
  expect(other.facts).toContainEqual({
    label: 'Policy',
    value: expect.stringMatching(/^shop\/web-.* from the client: no NetworkPolicy selects .* not isolated/),
  });
});
