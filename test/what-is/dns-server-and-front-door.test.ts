// what-is of two things that are no IP configuration of ours: a custom DNS server the VNet hands its VMs (dhcpOptions),
// and an Azure Front Door endpoint's host name.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const load = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test("a VNet's custom DNS server is named as such, with the command that shows it", async () => {
  const r = await ask('whatis 10.100.2.4', load('aks-custom-dns'));
  expect(r).toMatchObject({ intent: 'what-is', status: 'answered' });
  expect(r.answer).toMatch(
    /^10\.100\.2\.4 is a DNS server of VNet aks-vnet-12345678 \(resource group rg-aks-network\)/,
  );
  expect(r.verify.join('\n')).toMatch(/az network vnet show -g rg-aks-network -n aks-vnet-12345678 .*dhcpOptions/);
});

test('a VNet with no custom DNS servers makes no address a DNS server', async () => {
  const r = await ask('whatis 10.100.2.4', load('aks-lb'));
  expect(r.answer).not.toMatch(/DNS server of VNet/);
});

test('an address asked with an aside in brackets is still what-is', async () => {
  const r = await ask('what is 10.100.2.4 (our network team set it on the vnet)', load('aks-custom-dns'));
  expect(r.intent).toBe('what-is');
});

test("a Front Door endpoint's host name: its profile, endpoint and origins", async () => {
  const r = await ask('sqlapi-ep-h7bdf4c2a9e1d3f0.z01.azurefd.net - what is this host?', load('aro-afd'));
  expect(r).toMatchObject({ intent: 'what-is', status: 'answered' });
  expect(r.answer).toMatch(/is endpoint sqlapi-ep of Azure Front Door profile afd-sqlapi/);
  expect(r.answer).toMatch(/aro-route in group aro-routers → sqlapilb-project1\.apps\./);
  expect(r.followUps.map((f) => f.intent)).toContain('inbound');
});

test('a Front Door host no profile holds is not found, not guessed', async () => {
  const r = await ask('orders-ep-aa11bb22cc33dd44.z01.azurefd.net - what is this hostname?', load('aro-afd'));
  expect(r).toMatchObject({ intent: 'what-is', status: 'not-found' });
});

test('the address asked is the one corrected to, or the one at the place named in a pasted list', async () => {
  const corrected = await ask('what is 51.104.20.30... sorry, 10.100.0.4 I mean. what is it?', load('aks-udr'));
  expect(corrected.answer).toMatch(/^10\.100\.0\.4 is the private IP/);
  const table = 'Name  IpAddress\naks-natgw-pip-1  20.50.61.10\naks-natgw-pip-2  20.50.61.11\n';
  const second = await ask(`${table}the 2nd entry - what is it?`, load('aks-natgw'));
  expect(second.answer).toMatch(/^20\.50\.61\.11 is the public IP aks-natgw-pip-2/);
  const plain = await ask(`${table}what is 20.50.61.10?`, load('aks-natgw'));
  expect(plain.answer).toMatch(/^20\.50\.61\.10 /);
});
