// Azure Front Door (Standard/Premium) as the first hop of an inbound answer, from the snapshot's
// azure/afd-*.json (az afd … list output, or ARM REST with `properties`): an origin matched by the route host
// (aro-afd: the demo with a Front Door whose origin is the route's host), the Service's public IP, the public
// IP's DNS name or the Service's DNS label; what follows sees Front Door's AzureFrontDoor.Backend addresses and the
// client IP travels in X-Forwarded-For / X-Azure-ClientIP.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { frontDoors } from '../../src/inventory/front-door';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const FX = (name: string) => join(__dirname, '..', 'fixtures', name);
const ROUTE = 'how does traffic reach route sqlapilb';
const HOST = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
const ENDPOINT = 'sqlapi-ep-h7bdf4c2a9e1d3f0.z01.azurefd.net';
const hops = (r: { hops: { kind: string; src?: string; dst?: string }[] }) => r.hops.map((h) => [h.kind, h.src, h.dst]);

const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A copy of a fixture with the aro-afd Front Door files, its origin's host name set to `origin`. */
function withFrontDoor(fixture: string, origin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'afd-'));
  copies.push(dir);
  cpSync(FX(fixture), dir, { recursive: true });
  for (const f of ['afd-profiles', 'afd-endpoints', 'afd-origin-groups', 'afd-origins'])
    cpSync(join(FX('aro-afd'), 'azure', `${f}.json`), join(dir, 'azure', `${f}.json`));
  edit(dir, 'azure/afd-origins.json', (o) => o.map((x: object) => ({ ...x, hostName: origin })));
  return dir;
}

test('aro-afd: Front Door is the first hop; the router sees AzureFrontDoor.Backend, the app the router pods', async () => {
  const r = await ask(ROUTE, SnapshotInventory.load(FX('aro-afd')));
  expect(hops(r).slice(0, 5)).toEqual([
    ['client', undefined, ENDPOINT],
    ['front-door', undefined, HOST],
    ['dns', undefined, undefined],
    ['public-ip', 'AzureFrontDoor.Backend', '20.67.170.10'],
    ['load-balancer', 'AzureFrontDoor.Backend', '20.67.170.10'],
  ]);
  const door = r.hops[1];
  expect(door.name).toBe('afd-sqlapi (Azure Front Door)');
  expect(door.nat).toEqual({ kind: 'proxy', from: 'client', to: 'AzureFrontDoor.Backend' });
  expect(door.note).toMatch(/origin aro-routers\/aro-route → .* \(its host\).*X-Forwarded-For and X-Azure-ClientIP/);
  // the router opens the connection to the app: the pod still sees a router pod's IP
  expect(r.seenAs).toEqual(['10.131.0.5', '10.129.2.4']);
  expect(r.clientIp).toBe('xff');
  expect(r.answer).toMatch(
    new RegExp(`^Azure Front Door afd-sqlapi \\(${ENDPOINT.replace(/\./g, '\\.')}\\) is the first hop`),
  );
  expect(r.answer).toMatch(/X-Forwarded-For and X-Azure-ClientIP, set by Front Door\.$/);
  expect(r.facts.slice(0, 2)).toEqual([
    { label: 'Front Door', value: `afd-sqlapi (Standard_AzureFrontDoor), endpoint ${ENDPOINT}` },
    { label: 'Origin', value: `aro-routers/aro-route → ${HOST}` },
  ]);
  expect(r.verify[0]).toBe(
    'az afd origin list -g rg-edge --profile-name afd-sqlapi --origin-group-name aro-routers -o table',
  );
  expect(r.errors).toEqual([]);
});

test('the demo (no Front Door files) and an origin pointing elsewhere: no Front Door hop', async () => {
  const demo = await ask(ROUTE, SnapshotInventory.demo());
  expect(demo.hops.map((h) => h.kind).slice(0, 2)).toEqual(['client', 'dns']);
  const other = await ask(ROUTE, SnapshotInventory.load(withFrontDoor('aro-afd', 'shop.contoso.com')));
  expect(other.hops.some((h) => h.kind === 'front-door')).toBe(false);
  expect(other.answer).toBe(demo.answer);
});

test("an origin naming the router Service's public IP matches as the public IP", async () => {
  const r = await ask(ROUTE, SnapshotInventory.load(withFrontDoor('aro-afd', '20.67.170.10')));
  expect(r.hops[1].note).toMatch(/→ 20\.67\.170\.10 \(its public IP\)/);
});

test('AKS LoadBalancer Service, ETP Local: the pod sees Front Door, not the client, by the DNS label or PIP name', async () => {
  const label = withFrontDoor('aks-lb', 'shopweb.westeurope.cloudapp.azure.com');
  edit(label, 'kubernetes/core.json', (doc) => {
    const web = doc.items.find((o: any) => o.kind === 'Service' && o.metadata.name === 'web');
    web.metadata.annotations = {
      ...web.metadata.annotations,
      'service.beta.kubernetes.io/azure-dns-label-name': 'shopweb',
    };
  });
  const r = await ask('inbound service web -n shop from 203.0.113.9', SnapshotInventory.load(label));
  expect(hops(r)).toEqual([
    ['client', '203.0.113.9', ENDPOINT],
    ['front-door', '203.0.113.9', 'shopweb.westeurope.cloudapp.azure.com'],
    ['public-ip', 'AzureFrontDoor.Backend', '20.31.46.20'],
    ['load-balancer', 'AzureFrontDoor.Backend', '20.31.46.20'],
    ['node', 'AzureFrontDoor.Backend', '20.31.46.20'],
    ['pod', 'AzureFrontDoor.Backend', '10.244.0.12'],
  ]);
  expect([r.seenAs, r.clientIp]).toEqual([['AzureFrontDoor.Backend'], 'xff']);
  expect(r.hops[1].note).toMatch(/\(its DNS name\)/);

  const fqdn = withFrontDoor('aks-lb', 'web-shop.westeurope.cloudapp.azure.com');
  edit(fqdn, 'azure/public-ips.json', (doc) => {
    const pip = doc.value.find((p: any) => p.properties.ipAddress === '20.31.46.20');
    pip.properties.dnsSettings = { domainNameLabel: 'web-shop', fqdn: 'web-shop.westeurope.cloudapp.azure.com' };
  });
  const byPip = await ask('inbound service web -n shop from 203.0.113.9', SnapshotInventory.load(fqdn));
  expect(byPip.hops[1].kind).toBe('front-door');
});

test('az (flattened) and ARM REST (`properties`) shapes read alike; a disabled origin is said to be disabled', () => {
  const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cdn/profiles/p';
  const rest = frontDoors(
    { value: [{ id, name: 'p', sku: { name: 'Premium_AzureFrontDoor' }, properties: { frontDoorId: 'f-1' } }] },
    [{ id: `${id}/afdEndpoints/e`, name: 'e', properties: { hostName: 'e-1.z01.azurefd.net' } }],
    [
      {
        id: `${id}/originGroups/g/origins/o`,
        name: 'o',
        properties: { hostName: 'app.contoso.com', enabledState: 'Disabled', httpsPort: 443 },
      },
    ],
  );
  expect(rest).toEqual([
    {
      id,
      name: 'p',
      resourceGroup: 'rg',
      sku: 'Premium_AzureFrontDoor',
      frontDoorId: 'f-1',
      endpoints: [{ name: 'e', hostName: 'e-1.z01.azurefd.net' }],
      origins: [
        {
          id: `${id}/originGroups/g/origins/o`,
          name: 'o',
          group: 'g',
          hostName: 'app.contoso.com',
          originHostHeader: undefined,
          enabled: false,
          httpPort: undefined,
          httpsPort: 443,
        },
      ],
    },
  ]);
});
