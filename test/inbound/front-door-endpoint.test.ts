// A Front Door endpoint host (<endpoint>-<hash>.z01.azurefd.net) as the subject of an inbound question: the
// endpoint → its profile's origin group → origin host → the route, ingress or LoadBalancer Service that host is.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const FX = (name: string) => join(__dirname, '..', 'fixtures', name);
const ENDPOINT = 'sqlapi-ep-h7bdf4c2a9e1d3f0.z01.azurefd.net';
const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a pasted curl to the endpoint: Front Door, then the route its origin names, then the pod (aro-afd)', async () => {
  const inv = SnapshotInventory.load(FX('aro-afd'));
  const text =
    `$ curl -sI https://${ENDPOINT}/orders\nHTTP/2 504\nx-azure-ref: 20261202T081133Z-1\n` +
    'how does a request to that Front Door endpoint reach the sqlapi pod?';
  const r = await ask(text, inv);
  expect(r.intent).toBe('inbound');
  expect(r.status).toBe('answered');
  expect(r.hops[0].dst).toBe(ENDPOINT);
  expect(r.hops.map((h) => h.kind)).toEqual(expect.arrayContaining(['front-door', 'router', 'pod']));
  expect(r.hops.at(-1)?.name).toBe('project1/sqlapi-1-8jgx8');
  expect(r.warnings.join('\n')).toMatch(/origin group aro-routers → origin aro-route → sqlapilb-project1\./);
  expect(r.errors).toEqual([]);
});

test('the endpoint said alone is enough', async () => {
  const r = await ask(`how does traffic reach ${ENDPOINT}?`, SnapshotInventory.load(FX('aro-afd')), {}, 'inbound');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/Azure Front Door afd-sqlapi/);
});

test("an endpoint whose origin is a LoadBalancer Service's public IP (aks-lb with the Front Door files)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'afd-ep-'));
  copies.push(dir);
  cpSync(FX('aks-lb'), dir, { recursive: true });
  for (const f of ['afd-profiles', 'afd-endpoints', 'afd-origin-groups', 'afd-origins'])
    cpSync(join(FX('aro-afd'), 'azure', `${f}.json`), join(dir, 'azure', `${f}.json`));
  edit(dir, 'azure/afd-origins.json', (o) => o.map((x: object) => ({ ...x, hostName: '20.31.46.20' })));
  const r = await ask(`how does traffic reach ${ENDPOINT}?`, SnapshotInventory.load(dir), {}, 'inbound');
  expect(r.status).toBe('answered');
  expect(r.hops.find((h) => h.kind === 'public-ip')?.ip).toBe('20.31.46.20');
  expect(r.hops.map((h) => h.kind)).toContain('front-door');
});

test('an endpoint no profile holds, and one without Front Door data: said, not guessed', async () => {
  const other = await ask(
    'how does traffic reach other-ep-0000.z01.azurefd.net?',
    SnapshotInventory.load(FX('aro-afd')),
    {},
    'inbound',
  );
  expect(other.status).toBe('not-found');
  expect(other.answer).toMatch(/Azure Front Door endpoint, and no Front Door profile I have holds it/);
  const none = await ask(`how does traffic reach ${ENDPOINT}?`, SnapshotInventory.load(FX('aks-lb')), {}, 'inbound');
  expect(none.status).toBe('not-found');
  expect(none.answer).toMatch(/I have no Front Door profile that holds it/);
});
