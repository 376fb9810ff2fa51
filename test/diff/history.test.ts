// Change history of a live inventory: the fake API server's objects change during the test (watch events), the
// recorder sees the informers' caches change and records the path facts; the `changes` family answers from it.
import { ask } from '../../src/answer';
import { renderCard } from '../../src/cards/card';
import { History } from '../../src/changes/history';
import { historyOf, startHistory, type Recorder } from '../../src/changes/recorder';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { demoCopy, readJson } from '../helpers/fixtures';
import { liveRig, type LiveRig } from '../helpers/live';
import { join } from 'node:path';

let rig: LiveRig;
let recorder: Recorder;
let dir: string;

beforeAll(async () => {
  dir = demoCopy();
  rig = await liveRig(dir);
  recorder = startHistory(rig.inventory, { pollMs: 50, everyMs: 60 * 60_000 })!;
  await recorder.recordNow();
}, 60000);

afterAll(async () => {
  recorder?.stop();
  await rig?.stop();
});

/** Wait until the recorder has seen changes matching `pred` (it polls the informers' generation). */
async function until(pred: () => boolean, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('the history did not record the change in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a snapshot has no history: the answer points to packet-path diff', async () => {
  const r = await ask('what changed in the last 24 h?', SnapshotInventory.demo());
  expect(r.intent).toBe('changes');
  expect(r.answer).toMatch(/^Change history needs a live cluster: this answer comes from the demo snapshot/);
  expect(r.answer).toContain('packet-path diff OLD NEW');
});

test('nothing changed yet: "no" with what holds now', async () => {
  expect(historyOf(rig.inventory)).toBe(recorder.history);
  const r = await ask('did the egress IP of sqlapi change since yesterday?', rig.inventory);
  expect(r.intent).toBe('changes');
  expect(r.answer).toMatch(/^No: no path-relevant change about sqlapi, egress in yesterday \(00:00 UTC\), since /);
  expect(r.answer).toContain('Now: project1/sqlapi: 20.105.84.161 (outbound rule aro2-p8bjm/outboundrule).');
});

test('a NetworkPolicy and a route moved during the test are recorded with their time', async () => {
  const start = Date.now();
  rig.kube.upsert({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny-all', namespace: 'project1' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  await until(() => recorder.history.changes(start).some((c) => c.kind === 'policy'));

  const services = readJson(join(dir, 'kubernetes', 'services.json')).items;
  const sharded = structuredClone(services.find((s: any) => s.metadata.name === 'router-default'));
  sharded.metadata = { ...sharded.metadata, name: 'router-sharded', uid: undefined, resourceVersion: undefined };
  sharded.status.loadBalancer.ingress = [{ ip: '20.67.170.99' }];
  rig.kube.upsert(sharded);
  const route = readJson(join(dir, 'kubernetes', 'routes.json')).items[0];
  route.status.ingress[0].routerName = 'sharded';
  rig.kube.upsert(route);
  await until(() => recorder.history.changes(start).some((c) => c.kind === 'host'));

  const all = await ask('what changed in the last 24 h?', rig.inventory);
  expect(all.intent).toBe('changes');
  const lines = all.answer.split('\n');
  expect(lines[0]).toMatch(/^Yes: \d+ path-relevant changes in the last 24 h, since /);
  const stamp = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d UTC`;
  expect(lines).toContainEqual(
    expect.stringMatching(
      new RegExp(
        `^• ${stamp} — policy: Traffic from project1/server → project1/sqlapi:8080 is now denied by project1/deny-all`,
      ),
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      new RegExp(`^• ${stamp} — host: Clients of sqlapilb-project1\\..*now reach 20\\.67\\.170\\.99`),
    ),
  );

  const when = await ask('when did route sqlapilb start pointing at 20.67.170.99?', rig.inventory);
  expect(when.answer).toMatch(/^Yes: 1 path-relevant change about sqlapilb, 20\.67\.170\.99, host in the last 24 h/);
  const at = recorder.history.changes(start).find((c) => c.kind === 'host')!.at;
  expect(when.answer).toContain(new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');

  // the card carries the same lines (Teams renders the answer as a card)
  expect(JSON.stringify(renderCard(when))).toContain('20.67.170.99');

  // egress did not move: still "no" for sqlapi's egress IP
  const egress = await ask('did the egress IP of sqlapi change since yesterday?', rig.inventory);
  expect(egress.answer).toMatch(/^No: /);
}, 60000);

test('the history is bounded by age and count', () => {
  const h = new History({ windowMs: 1000, maxChanges: 2 });
  const f = (v: string) => [{ kind: 'egress' as const, subject: 'ns/a', value: v }];
  h.record(f('1.1.1.1'), 0);
  h.record(f('1.1.1.2'), 100);
  h.record(f('1.1.1.3'), 200);
  h.record(f('1.1.1.4'), 300);
  expect(h.changes(0).map((c) => c.after)).toEqual(['1.1.1.3', '1.1.1.4']);
  h.record(f('1.1.1.5'), 5000);
  expect(h.changes(0).map((c) => [c.at, c.previousAt])).toEqual([[5000, 300]]);
  expect(h.since).toBe(4000);
  expect(h.records).toBe(5);
});
