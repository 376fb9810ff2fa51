// The NSGs on the Application Gateway way in (aks-agic-nsg: the gateway subnet's NSG lets the office range in on 80
// and denies the Internet; the nodes keep the NSG AKS writes). The client's packet meets the gateway subnet's NSG,
// the gateway's own connection to the pod meets the pod's node's NSGs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');
const inv = (name: string) => SnapshotInventory.load(join(FIXTURES, name));
const nsgFacts = (r: { facts: { label: string; value: string }[] }) =>
  r.facts.filter((f) => f.label === 'NSG').map((f) => f.value);
const HOST = 'shop-agw.contoso.com';
const AGW = join('azure', 'application-gateways.json');

/** A fixture (aks-agic-nsg) copied and changed, asked, and removed. */
async function askEdited(question: string, change: (dir: string) => void, fixture = 'aks-agic-nsg') {
  const dir = mkdtempSync(join(tmpdir(), 'agic-nsg-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  change(dir);
  try {
    return await ask(question, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rulesOf = (doc: { value: { name: string; properties: { securityRules: any[] } }[] }, name: string) =>
  doc.value.find((g) => g.name === name)!.properties.securityRules;

test('the gateway subnet NSG that denies the Internet is the answer, with the path it would take', async () => {
  const r = await ask(`how does traffic reach ${HOST}`, inv('aks-agic-nsg'));
  expect(r.intent).toBe('inbound');
  expect(r.answer).toMatch(/^A client on the Internet cannot get in on tcp 20\.31\.50\.10:80: NSG appgw-nsg\//);
  expect(r.answer).toMatch(/deny-internet-inbound, priority 4000, Deny \(inbound at the subnet of Application Gate/);
  expect(r.answer).toMatch(/Were it allowed: shop-agw\.contoso\.com is served by Application Gateway aks-agw/);
  expect(r.title).toMatch(/^Denied by NSG: /);
  // the office's allow names only part of the Internet: said, with how to ask
  expect(r.warnings.join('\n')).toMatch(/allow-office-http \(priority 100\) might apply: .*198\.51\.100\.0\/24/);
  expect(r.verify).toContain('az network nsg rule list -g MC_rg-aks_aks1_westeurope --nsg-name appgw-nsg -o table');
});

test('a client the gateway subnet lets in: both legs are named, the gateway subnet as the destination', async () => {
  const r = await ask(`how does traffic from 198.51.100.7 reach ${HOST}`, inv('aks-agic-nsg'));
  expect(r.answer).toMatch(/^shop-agw\.contoso\.com is served by Application Gateway aks-agw/);
  // the client named is the one on the path and in X-Forwarded-For
  expect(r.answer).toMatch(/and 198\.51\.100\.7 in X-Forwarded-For\.$/);
  expect(r.hops[0]).toMatchObject({ kind: 'client', name: '198.51.100.7' });
  expect(nsgFacts(r)).toEqual([
    'at Application Gateway aks-agw: allowed by appgw-nsg/allow-office-http, priority 100, Allow (inbound at the subnet)',
    // kubenet: the pod routes are user-defined routes, so the pod IP is in the VirtualNetwork tag
    'at node aks-nodepool1-12345678-vmss000000: allowed by the default rule AllowVnetInBound',
  ]);
  const other = await ask(`how does traffic from 203.0.113.9 reach ${HOST}`, inv('aks-agic-nsg'));
  expect(other.answer).toMatch(/^203\.0\.113\.9 cannot get in on tcp 20\.31\.50\.10:80: NSG appgw-nsg\/deny-int/);
});

/** A rule on the nodes' NSG that denies a subnet on the pods' port. */
const denyFrom = (source: string) => (dir: string) =>
  edit(dir, 'azure/nsg.json', (doc) => {
    const [model] = rulesOf(doc, 'aks-agentpool-12345678-nsg');
    rulesOf(doc, 'aks-agentpool-12345678-nsg').push({
      ...model,
      name: 'deny-appgw',
      properties: {
        ...model.properties,
        sourceAddressPrefix: source,
        destinationAddressPrefix: '*',
        destinationPortRange: '8080',
        access: 'Deny',
        priority: 200,
      },
    });
  });

test("a node NSG that drops the gateway's subnet: the gateway cannot reach the pod", async () => {
  const r = await askEdited(`how does traffic from 198.51.100.7 reach ${HOST}`, denyFrom('10.225.0.0/24'));
  expect(r.answer).toMatch(
    /^An Application Gateway instance \(10\.225\.0\.0\/24\) cannot reach tcp 10\.244\.0\.12:8080: NSG aks-agentpool-/,
  );
  expect(r.answer).toMatch(/deny-appgw, priority 200, Deny \(inbound at the subnet of node aks-nodepool1-/);
  expect(nsgFacts(r)[0]).toMatch(/^at Application Gateway aks-agw: allowed by appgw-nsg\/allow-office-http/);
});

test('a rule for part of the gateway subnet cannot be judged for "an instance": said, not claimed', async () => {
  const r = await askEdited(`how does traffic from 198.51.100.7 reach ${HOST}`, (dir) =>
    edit(dir, 'azure/nsg.json', (doc) => {
      const office = rulesOf(doc, 'appgw-nsg').find((x) => x.name === 'allow-office-http');
      office.properties.destinationAddressPrefix = '10.225.0.4';
    }),
  );
  expect(r.warnings.join('\n')).toMatch(
    /allow-office-http \(priority 100\) might apply: it covers only part of 10\.225/,
  );
});

test('a public and a private listener on one port: the NSG sees the frontend IPs, not the subnet', async () => {
  const r = await askEdited(`how does traffic from 198.51.100.7 reach ${HOST}`, (dir) =>
    edit(dir, AGW, (doc) => {
      const gw = doc.value[0].properties;
      const pub = gw.frontendIPConfigurations[0];
      const priv = {
        id: pub.id.replace(/[^/]+$/, 'appGwPrivateFrontendIp'),
        name: 'appGwPrivateFrontendIp',
        properties: { privateIPAddress: '10.225.0.10', privateIPAllocationMethod: 'Static' },
      };
      gw.frontendIPConfigurations.push(priv);
      const [l] = gw.httpListeners;
      gw.httpListeners.push({
        ...l,
        id: `${l.id}-private`,
        name: `${l.name}-private`,
        properties: { ...l.properties, frontendIPConfiguration: { id: priv.id } },
      });
    }),
  );
  // the office rule names the subnet as destination: it no longer matches, the deny does
  expect(r.answer).toMatch(/^198\.51\.100\.7 cannot get in on tcp 20\.31\.50\.10:80: NSG appgw-nsg\/deny-internet/);
});

test('no NSG on the gateway subnet: said; the node leg is still judged', async () => {
  const r = await ask(`how does traffic reach ${HOST}`, inv('aks-agic'));
  expect(nsgFacts(r)).toEqual([
    'none in the data on the subnet of Application Gateway aks-agw',
    'at node aks-nodepool1-12345678-vmss000000: allowed by the default rule AllowVnetInBound',
  ]);
});

test('Application Gateway for Containers: a node NSG that drops the association subnet is the answer', async () => {
  const q = 'how does traffic reach shop-agc.contoso.com';
  const r = await askEdited(q, denyFrom('10.225.1.0/24'), 'aks-agc');
  expect(r.answer).toMatch(
    /^An Application Gateway for Containers proxy \(10\.225\.1\.0\/24\) cannot reach tcp 10\.244\.0\.12:8080: NSG aks-/,
  );
  expect(nsgFacts(r)[0]).toBe("not checked for the client's side: the gateway's frontend and subnet are not read");
  // the AGIC gateway's subnet is another one: the same rule leaves it alone
  const agic = await askEdited(`how does traffic from 198.51.100.7 reach ${HOST}`, denyFrom('10.225.1.0/24'));
  expect(agic.answer).toMatch(/^shop-agw\.contoso\.com is served by Application Gateway aks-agw/);
});
