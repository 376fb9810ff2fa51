// SNAT usage from a snapshot's azure/metrics/ files (`az monitor metrics list` output): the figures, the egress
// answer's line for the pod's node, the "are we running out of SNAT ports?" question (the load balancer family's
// SNAT view) and its routing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask, understandWith } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import { asMetricsDoc, usageFromDoc, type SnatTarget } from '../../src/snat/usage';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SUB = '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';
const LB: SnatTarget = {
  kind: 'lb',
  id: `/subscriptions/${SUB}/resourceGroups/MC_rg-aks_aks1_westeurope/providers/Microsoft.Network/loadBalancers/kubernetes`,
  name: 'kubernetes',
};
const readMetrics = (fixture: string, file: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'metrics', fixture, file), 'utf8'));

/** A copy of a fixture with its metrics files under azure/metrics/ (each passed through `edit`). */
function withMetrics(fixture: string, edit: (doc: any, file: string) => any = (d) => d): string {
  const dir = mkdtempSync(join(tmpdir(), 'packet-path-snat-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  mkdirSync(join(dir, 'azure', 'metrics'), { recursive: true });
  const file = fixture === 'aks-lb' ? 'kubernetes.json' : 'aks-natgw.json';
  writeFileSync(join(dir, 'azure', 'metrics', file), JSON.stringify(edit(readMetrics(fixture, file), file)));
  return dir;
}

const fact = (r: PathResult, label: string) => r.facts.find((f) => f.label === label)?.value;
const WEB0 = "what's the public IP of pod web-7d4b9c8f6d-abcde -n shop?"; // on vmss000000 (10.224.0.4)
const WEB1 = "what's the public IP of pod web-7d4b9c8f6d-fghij -n shop?"; // on vmss000001 (10.224.0.5)

/** The failed-connection series of one backend IP gets `n` failures at one minute. */
const failures = (ip: string, n: number) => (docs: any[]) => {
  const series = docs[1].value[0].timeseries.find((s: any) => s.metadatavalues.some((m: any) => m.value === ip));
  series.data[30].total = n;
  return docs;
};

describe('figures from `az monitor metrics list` output', () => {
  test('peak used and allocated ports per backend IP, failed connections', () => {
    const u = usageFromDoc(asMetricsDoc(readMetrics('aks-lb', 'kubernetes.json'))!, LB);
    expect(u.windowMinutes).toBe(60);
    expect(u.backends).toEqual([
      { ip: '10.224.0.4', usedPeak: 612, allocatedPeak: 1024, failed: 0 },
      { ip: '10.224.0.5', usedPeak: 870, allocatedPeak: 1024, failed: 0 },
      { ip: '10.224.0.6', usedPeak: 40, allocatedPeak: 1024, failed: 0 },
    ]);
    expect(u.failed).toBe(0);
  });

  test('display names (as the SDK returns them) and series split further (per protocol) are summed per minute', () => {
    const docs = readMetrics('aks-lb', 'kubernetes.json');
    const used = docs[0].value[0];
    used.name = 'Used SNAT Ports';
    delete used.id;
    for (const s of used.timeseries) s.metadatavalues[0].name = 'Backend IP Address';
    // the same backend's ports split into two protocols: 612 = 600 TCP + 12 UDP at the peak minute
    const web0 = used.timeseries[0];
    const udp = JSON.parse(JSON.stringify(web0));
    web0.data = web0.data.map((p: any) => ({ ...p, maximum: p.maximum - 12 }));
    udp.data = udp.data.map((p: any) => ({ ...p, maximum: 12 }));
    used.timeseries.push(udp);
    const u = usageFromDoc(asMetricsDoc(docs)!, LB);
    expect(u.backends[0]).toMatchObject({ ip: '10.224.0.4', usedPeak: 612 });
  });

  test('a NAT gateway: failed connections, dropped packets, active connections at peak', () => {
    const nat: SnatTarget = { kind: 'nat-gateway', id: 'x', name: 'aks-natgw' };
    const doc = readMetrics('aks-natgw', 'aks-natgw.json');
    doc.value[2].timeseries[0].data[10].total = 3;
    expect(usageFromDoc(asMetricsDoc(doc)!, nat)).toMatchObject({
      failed: 3,
      droppedPackets: 0,
      connectionsPeak: 1500,
      backends: [],
    });
  });
});

describe('the egress answer shows the node’s SNAT usage', () => {
  test('612 of 1,024 ports at peak, no failures', async () => {
    const r = await ask(WEB0, SnapshotInventory.load(withMetrics('aks-lb')));
    expect(fact(r, 'SNAT usage')).toBe(
      '612 of 1,024 ports in use at peak in the last hour (60 %); 0 failed connections',
    );
    expect(r.warnings.join('\n')).not.toMatch(/exhaustion|failed connection/);
    expect(r.verify.join('\n')).toContain('az monitor metrics list --resource ' + LB.id);
  });

  test('a node over 80 % at peak is close to exhaustion', async () => {
    const r = await ask(WEB1, SnapshotInventory.load(withMetrics('aks-lb')));
    expect(fact(r, 'SNAT usage')).toBe(
      '870 of 1,024 ports in use at peak in the last hour (85 %); 0 failed connections',
    );
    expect(r.warnings).toContainEqual(expect.stringMatching(/870 of 1,024 SNAT ports at peak .*\(85 %\): close to/));
  });

  test('failed connections of the node are said, with a warning', async () => {
    const r = await ask(WEB1, SnapshotInventory.load(withMetrics('aks-lb', failures('10.224.0.5', 7))));
    expect(fact(r, 'SNAT usage')).toMatch(/; 7 failed connections$/);
    expect(r.warnings).toContainEqual(expect.stringContaining('7 failed connections from node'));
  });

  test('without metrics: "not available" and why', async () => {
    const plain = await ask(WEB0, SnapshotInventory.load(join(FIXTURES, 'aks-lb')));
    expect(fact(plain, 'SNAT usage')).toBe('not available (no Azure Monitor metrics in this source)');
    const other = withMetrics('aks-lb');
    writeFileSync(join(other, 'azure', 'metrics', 'kubernetes.json'), '{"value": 3}');
    const broken = await ask(WEB0, SnapshotInventory.load(other));
    expect(fact(broken, 'SNAT usage')).toMatch(/^not available \(.*kubernetes\.json: not the output of `az monitor/);
    expect(broken.errors).toContainEqual(expect.objectContaining({ lookup: 'SNAT metrics of kubernetes' }));
  });

  test('a NAT gateway: failed connections and dropped packets', async () => {
    const r = await ask(WEB0, SnapshotInventory.load(withMetrics('aks-natgw')));
    expect(fact(r, 'SNAT usage')).toMatch(
      /^0 failed connections and 0 dropped packets in the last hour; 1,500 active connections at peak \([\d,]+ SNAT ports\)$/,
    );
  });
});

describe('"are we running out of SNAT ports?"', () => {
  test('per load balancer: ports per node from the rules, the busiest node, failures, a verdict', async () => {
    const r = await ask('are we running out of SNAT ports?', SnapshotInventory.load(withMetrics('aks-lb')));
    expect(r.intent).toBe('load-balancers');
    expect(r.status).toBe('answered');
    expect(r.title).toBe('SNAT ports: close to exhaustion on kubernetes');
    expect(r.answer).toContain('Load balancer kubernetes (outbound rule aksOutboundRule): 1,024 SNAT ports per node');
    expect(r.answer).toContain(
      'Busiest node aks-nodepool1-12345678-vmss000001: 870 of 1,024 ports in use at peak in the last hour (85 %); 0 failed connections on all nodes',
    );
    // the busiest node first
    expect(r.sections?.[0].lines).toEqual([
      'aks-nodepool1-12345678-vmss000001 (10.224.0.5): 870 of 1,024 ports in use at peak in the last hour (85 %); 0 failed connections',
      'aks-nodepool1-12345678-vmss000000 (10.224.0.4): 612 of 1,024 ports in use at peak in the last hour (60 %); 0 failed connections',
      'aks-nodepool1-12345678-vmss000002 (10.224.0.6): 40 of 1,024 ports in use at peak in the last hour (4 %); 0 failed connections',
    ]);
    expect(r.verify.filter((v) => v.startsWith('az monitor metrics list'))).toHaveLength(2);
  });

  test('failed connections: the ports ran out', async () => {
    const inv = SnapshotInventory.load(withMetrics('aks-lb', failures('10.224.0.6', 2)));
    const r = await ask('any SNAT failures?', inv);
    expect(r.title).toBe('SNAT ports: ports ran out: connections failed on kubernetes');
    expect(r.answer).toContain('2 failed connections on all nodes');
    expect(r.warnings).toContainEqual(expect.stringContaining('2 failed connections through kubernetes'));
  });

  test('below 80 % and no failures: not close', async () => {
    const calm = (docs: any[]) => {
      for (const s of docs[0].value[0].timeseries) s.data = s.data.map((p: any) => ({ ...p, maximum: 100 }));
      return docs;
    };
    const r = await ask('SNAT port usage', SnapshotInventory.load(withMetrics('aks-lb', calm)));
    expect(r.title).toBe('SNAT ports: not close to exhaustion');
    expect(r.answer).toMatch(/Verdict: not close to exhaustion\.$/);
  });

  test('without metrics it still answers the capacity, and says usage needs metrics', async () => {
    const r = await ask('are we running out of SNAT ports?', SnapshotInventory.load(join(FIXTURES, 'aks-lb')));
    expect(r.title).toBe('SNAT capacity (usage not available)');
    expect(r.answer).toContain('1,024 SNAT ports per node');
    expect(r.answer).toContain('SNAT usage: not available (no Azure Monitor metrics in this source)');
    expect(r.answer).toContain('needs Azure Monitor metrics (Monitoring Reader on kubernetes)');
  });

  test('each load balancer: the ports allocated per instance and the frontends they come from', async () => {
    const r = await ask('SNAT port usage on the LB', SnapshotInventory.load(join(FIXTURES, 'aks-lb-prefix')));
    expect(r.answer).toContain('16,000 SNAT ports per node (allocatedOutboundPorts 16000 per instance)');
    expect(r.answer).toContain('frontend aks-outbound-prefix (20.31.44.0/30)');
  });

  test('a NAT gateway', async () => {
    const r = await ask('are we close to SNAT port exhaustion?', SnapshotInventory.load(withMetrics('aks-natgw')));
    expect(r.intent).toBe('load-balancers');
    expect(r.sections?.[0].title).toBe('NAT gateway aks-natgw: not close to exhaustion');
    expect(r.answer).toContain(
      '0 failed connections and 0 dropped packets in the last hour; 1,500 active connections at peak.',
    );
  });
});

describe('routing', () => {
  const inv = SnapshotInventory.load(join(FIXTURES, 'aks-lb'));
  test.each([
    'are we running out of SNAT ports?',
    'SNAT port usage',
    'any SNAT failures?',
    'are we close to SNAT port exhaustion?',
    'snat port utilization',
    'how many SNAT ports are in use?',
  ])('%s → the SNAT view of the load balancers', async (q) => {
    expect((await understandWith(q, inv)).kind).toBe('load-balancers');
    expect((await ask(q, inv)).title).toBe('SNAT capacity (usage not available)');
  });
  test.each([
    ['are we running out of snat ports on web?', 'egress'],
    ['snat ip shop/api', 'egress'],
    ['is there any SNAT between api and web?', 'east-west'],
    ['show me the outbound rules of the LBs, we suspect SNAT issues', 'load-balancers'],
  ])('%s → %s', async (q, kind) => {
    expect((await understandWith(q, inv)).kind).toBe(kind);
  });
});
