// The NSGs on the way in: a Standard load balancer is closed to inbound flows unless an NSG on the node's subnet and
// NIC lets them in (aks-lb-byo-nsg: the customer's subnet NSG allows 443 from the Internet and 80 from the office
// range only, then denies the Internet; the NICs keep the NSG AKS writes per LoadBalancer Service).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const inv = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const nsgFact = (r: { facts: { label: string; value: string }[] }) => r.facts.find((f) => f.label === 'NSG')?.value;

test('a subnet NSG that shuts the Internet out is the answer, with the path it would take', async () => {
  const r = await ask('how does traffic reach 20.31.46.20', inv('aks-lb-byo-nsg'));
  expect(r.status).toBe('answered');
  expect(r.intent).toBe('inbound');
  expect(r.answer).toMatch(/^A client on the Internet cannot get in on tcp 20\.31\.46\.20:80: NSG aks-subnet-nsg\//);
  expect(r.answer).toMatch(/deny-internet-inbound, priority 4000, Deny \(inbound at the subnet of node aks-/);
  expect(r.answer).toMatch(/Were it allowed: Traffic reaches shop\/web at 20\.31\.46\.20:80/);
  expect(r.title).toMatch(/^Denied by NSG: /);
  expect(nsgFact(r)).toMatch(/^denied: aks-subnet-nsg\/deny-internet-inbound/);
  // the office range meets its own allow first: said, with how to ask for it
  expect(r.warnings.join('\n')).toMatch(/allow-office-http \(priority 110\) might apply: .*198\.51\.100\.0\/24/);
  expect(r.verify).toContain('az network nsg rule list -g rg-aks-network --nsg-name aks-subnet-nsg -o table');
});

test('a client the subnet NSG lets in: both NSGs on the way are named', async () => {
  const r = await ask('how does traffic from 198.51.100.7 reach 20.31.46.20', inv('aks-lb-byo-nsg'));
  expect(r.answer).toMatch(/^Traffic reaches shop\/web at 20\.31\.46\.20:80/);
  expect(nsgFact(r)).toMatch(
    /allowed by aks-subnet-nsg\/allow-office-http, priority 110, Allow \(inbound at the subnet\)/,
  );
  expect(nsgFact(r)).toMatch(
    /aks-agentpool-12345678-nsg\/a4e8f2a619c3d4b7ea5f01d2c3b4a5e6-TCP-80-Internet.*\(inbound at the NIC\)/,
  );
});

test('https is let in for anyone on the Internet; the same NSG closes port 80', async () => {
  const https = await ask('how does traffic reach 20.31.46.88:443', inv('aks-lb-byo-nsg'));
  expect(https.answer).not.toMatch(/cannot get in/);
  expect(nsgFact(https)).toMatch(/allowed by aks-subnet-nsg\/allow-https-internet/);
  const http = await ask('how does traffic reach 20.31.46.88 on port 80', inv('aks-lb-byo-nsg'));
  expect(http.answer).toMatch(/cannot get in on tcp 20\.31\.46\.88:80/);
});

test('the NSG AKS writes for each LoadBalancer Service (destination: the frontend IP) lets the Internet in', async () => {
  const r = await ask('how does traffic reach 20.31.46.20', inv('aks-lb'));
  expect(r.answer).toMatch(/^Traffic reaches shop\/web/);
  expect(nsgFact(r)).toMatch(/a4e8f2a619c3d4b7ea5f01d2c3b4a5e6-TCP-80-Internet, priority 500, Allow/);
});

/** aks-lb-byo-nsg with its deny rule changed: the same client from the office, the health probe judged. */
async function withDeny(source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'byo-nsg-'));
  cpSync(join(__dirname, '..', 'fixtures', 'aks-lb-byo-nsg'), dir, { recursive: true });
  edit(dir, 'azure/nsg.json', (doc) => {
    const nsg = doc.value.find((g: { name: string }) => g.name === 'aks-subnet-nsg');
    const deny = nsg.properties.securityRules.find((r: { name: string }) => r.name === 'deny-internet-inbound');
    deny.name = 'deny-inbound';
    deny.properties.sourceAddressPrefix = source;
  });
  try {
    return await ask('how does traffic from 198.51.100.7 reach 20.31.46.20', SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a rule that denies the AzureLoadBalancer tag drops the health probe: the load balancer sends nothing', async () => {
  const r = await withDeny('AzureLoadBalancer');
  expect(r.answer).toMatch(
    /^The load balancer's health probe 168\.63\.129\.16 → 10\.224\.0\.4:32156 is dropped by NSG aks-subnet-nsg\//,
  );
  expect(r.answer).toMatch(/sends it nothing\. Were the probe allowed: Traffic reaches shop\/web/);
  expect(r.facts.find((f) => f.label === 'Health probe')?.value).toMatch(/^denied: aks-subnet-nsg\/deny-inbound/);
});

test('a deny for any source above AllowAzureLoadBalancerInBound: the probe is said to be at risk, not dropped', async () => {
  const r = await withDeny('*');
  expect(r.answer).toMatch(/^Traffic reaches shop\/web/);
  expect(r.warnings.join('\n')).toMatch(/deny-inbound.*matches any source .*if it catches the load balancer's health/);
  expect(r.facts.find((f) => f.label === 'Health probe')?.value).toMatch(/^maybe denied: /);
});

test('a node port dialled on a node address meets the same NSGs, with the node address as destination', async () => {
  const outside = await ask('client 198.51.100.7 hits nodeport 31380 on 10.224.0.4', inv('aks-lb-byo-nsg'));
  expect(outside.answer).toMatch(/^198\.51\.100\.7 cannot get in on tcp 10\.224\.0\.4:31380: NSG aks-subnet-nsg\//);
  expect(outside.answer).toMatch(/Were it allowed: Node port 31380 belongs to Service shop\/web/);
  // an outside address before an arrow to a node's address and node port is the client of that way in
  const arrow = await ask('198.51.100.7 -> 10.224.0.4:31380', inv('aks-lb-byo-nsg'));
  expect(arrow.answer).toBe(outside.answer);
  const vnet = await ask('nodeport 31380 hit from outside, which pod gets it', inv('aks-lb-byo-nsg'));
  expect(vnet.answer).toMatch(/^Node port 31380 belongs to Service shop\/web/);
  expect(nsgFact(vnet)).toBe('at node aks-nodepool1-12345678-vmss000000: allowed by the default rule AllowVnetInBound');
});

test("through Application Gateway for Containers the client's side is not judged, and the answer says so", async () => {
  const r = await ask('how does traffic reach shop-agc.contoso.com', inv('aks-agc'));
  expect(nsgFact(r)).toBe("not checked for the client's side: the gateway's frontend and subnet are not read");
});

test.each([
  'can 198.51.100.7 reach web on 80?',
  'could the office at 198.51.100.7 connect to web on port 80?',
  'is 198.51.100.7 able to reach shop/web on 80',
])('"%s": the address outside opens the connection, so it comes in (never web going out to it)', async (q) => {
  const r = await ask(q, inv('aks-lb-byo-nsg'));
  expect(r.intent).toBe('inbound');
  expect(r.hops[0]).toMatchObject({ kind: 'client', name: '198.51.100.7' });
  expect(nsgFact(r)).toMatch(/allowed by aks-subnet-nsg\/allow-office-http/);
});

test("a private client dialling a public frontend is judged as its network's public address, not as itself", async () => {
  const r = await ask('how is web reached from a hub VM at 10.100.2.10?', inv('aks-cni-podsubnet'));
  expect(nsgFact(r)).toMatch(/allowed by aks-agentpool-12345678-nsg\/\S+-TCP-80-Internet/);
  expect(r.answer).not.toMatch(/cannot get in/);
});
