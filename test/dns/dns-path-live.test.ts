// The DNS path read live: the VNet's dhcpOptions.dnsServers through @azure/arm-network from the fake ARM server
// (ARM REST shape, `properties.dhcpOptions`), the kube-dns Service and CoreDNS pods through the fake API server.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { jsonWithoutAge, liveRig, type LiveRig } from '../helpers/live';
import { loadRestResources } from '../helpers/rest-shape';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

describe.each(['aks-custom-dns', 'aks-natgw'])('%s live', (name) => {
  let rig: LiveRig;
  const snapshot = SnapshotInventory.load(fixture(name));
  beforeAll(async () => {
    rig = await liveRig(fixture(name));
  });
  afterAll(() => rig.stop());

  test.each(['dns path of web-7d4b9c8f6d-abcde', 'how does api resolve login.microsoftonline.com'])(
    '%s: live answers like the snapshot',
    async (q) => {
      const live = await ask(q, rig.inventory);
      expect(live.errors).toEqual([]);
      expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(q, snapshot)));
      const upstream = live.hops.find((h) => h.kind === 'dns');
      expect(upstream?.ip).toBe(name === 'aks-custom-dns' ? '10.100.2.4' : '168.63.129.16');
    },
  );
});

test('the fake ARM serves the VNet in the REST shape: dhcpOptions under properties, nothing at the top', () => {
  const vnet = loadRestResources(fixture('aks-custom-dns')).find((r) =>
    /virtualNetworks\/aks-vnet-12345678$/.test(r.id),
  );
  expect(vnet.properties.dhcpOptions).toEqual({ dnsServers: ['10.100.2.4', '10.100.2.5'] });
  expect(vnet.dhcpOptions).toBeUndefined();
});
