import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { snatCapacity, defaultPortsPerInstance } from '../../src/path/snat';
import { matchRoute } from '../../src/path/egress-rules';
import { demoCopy, edit } from '../helpers/fixtures';

const demo = SnapshotInventory.demo();

describe('egress on the demo (ARO, load balancer outbound rule)', () => {
  test('sqlapi leaves as the outbound public IP of aro2-p8bjm, with SNAT budget', async () => {
    const r = await ask("what's the public IP of pod sqlapi", demo);
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('20.105.84.161');
    expect(r.answer).toContain('aro2-p8bjm');
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'load-balancer', 'public-ip', 'internet']);
    expect(r.hops.map((h) => h.src)).toEqual([
      '10.129.2.7',
      '10.129.2.7',
      '10.0.2.4',
      '20.105.84.161',
      '20.105.84.161',
    ]);
    expect(r.hops[2]).toMatchObject({
      name: 'aro2-p8bjm',
      note: 'outbound rule outboundrule: SNAT to 20.105.84.161',
    });
    const facts = Object.fromEntries(r.facts.map((f) => [f.label, f.value]));
    expect(facts['SNAT ports per node']).toBe('1024');
    expect(facts['Idle timeout']).toBe('30 min');
    expect(facts['Max nodes']).toMatch(/^62 \(1 frontend IP × 64,000 \/ 1024\); 3 in the pool$/);
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.verify).toContain('az network lb outbound-rule list --lb-name aro2-p8bjm -g aro2-resources -o table');
  });

  test('the SQL server pod on another worker leaves through the same rule', async () => {
    const r = await ask('egress ip of server', demo);
    expect(r.hops[1].name).toBe('aro2-p8bjm-worker-northeurope3-wl4vw');
    expect(r.hops.at(-1)?.src).toBe('20.105.84.161');
  });

  test('an unknown pod is not found, with did-you-mean', async () => {
    const r = await ask('public ip of pod sqlpai', demo);
    expect(r.status).toBe('not-found');
    expect(r.answer).toMatch(/Did you mean sqlapi/);
  });

  test('a NIC missing from the snapshot becomes an error entry and a partial path, not a crash', async () => {
    const dir = demoCopy();
    edit(dir, 'azure/network-interfaces.json', (d) => ({
      value: d.value.filter((n: any) => !n.name.includes('qt8l7')),
    }));
    edit(dir, 'azure/virtual-machines.json', (d) => d.filter((v: any) => !v.name.includes('qt8l7')));
    const r = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(r.status).toBe('answered');
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node']);
    expect(r.errors[0]).toMatchObject({
      lookup: 'network interfaces of VM aro2-p8bjm-worker-northeurope1-qt8l7',
    });
    expect(r.errors[0].reason).toMatch(/no network interface found .* aro2-resources/);
  });
});

describe('egress precedence on variants of the demo', () => {
  const workerSubnet = (d: any) => d.subnets.find((s: any) => s.name === 'worker-subnet');

  test('a NAT gateway on the subnet wins over the load balancer outbound rule', async () => {
    const dir = demoCopy();
    const ng = `/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2/providers/Microsoft.Network/natGateways/aro2-natgw`;
    edit(dir, 'azure/vnet.json', (d) => void (workerSubnet(d).natGateway = { id: ng }));
    edit(dir, 'azure/public-ips.json', (d) => [
      ...d,
      {
        id: ng.replace('natGateways/aro2-natgw', 'publicIPAddresses/natgw-pip'),
        name: 'natgw-pip',
        type: 'Microsoft.Network/publicIPAddresses',
        ipAddress: '52.169.1.2',
      },
    ]);
    edit(dir, 'azure/vnet.json', () => undefined);
    require('node:fs').writeFileSync(
      `${dir}/azure/natgw.json`,
      JSON.stringify({
        id: ng,
        name: 'aro2-natgw',
        type: 'Microsoft.Network/natGateways',
        properties: {
          idleTimeoutInMinutes: 10,
          publicIpAddresses: [
            {
              id: ng.replace('natGateways/aro2-natgw', 'publicIPAddresses/natgw-pip'),
            },
          ],
        },
      }),
    );
    const r = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'nat-gateway', 'public-ip', 'internet']);
    expect(r.hops.at(-1)?.src).toBe('52.169.1.2');
  });

  test('a 0.0.0.0/0 route to an Azure Firewall wins over everything, naming route table and route', async () => {
    const dir = demoCopy();
    const rg = `/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/hub`;
    const rt = `${rg}/providers/Microsoft.Network/routeTables/aro-udr`;
    edit(dir, 'azure/vnet.json', (d) => void (workerSubnet(d).routeTable = { id: rt }));
    const fs = require('node:fs');
    fs.writeFileSync(
      `${dir}/azure/rt.json`,
      JSON.stringify({
        id: rt,
        name: 'aro-udr',
        type: 'Microsoft.Network/routeTables',
        properties: {
          routes: [
            {
              name: 'to-fw',
              properties: {
                addressPrefix: '0.0.0.0/0',
                nextHopType: 'VirtualAppliance',
                nextHopIpAddress: '10.100.0.4',
              },
            },
            {
              name: 'onprem',
              properties: {
                addressPrefix: '192.168.0.0/16',
                nextHopType: 'VirtualNetworkGateway',
              },
            },
          ],
        },
      }),
    );
    fs.writeFileSync(
      `${dir}/azure/fw.json`,
      JSON.stringify({
        value: [
          {
            id: `${rg}/providers/Microsoft.Network/azureFirewalls/hub-fw`,
            name: 'hub-fw',
            type: 'Microsoft.Network/azureFirewalls',
            properties: {
              ipConfigurations: [
                {
                  name: 'c',
                  properties: {
                    privateIPAddress: '10.100.0.4',
                    publicIPAddress: {
                      id: `${rg}/providers/Microsoft.Network/publicIPAddresses/fw-pip`,
                    },
                  },
                },
              ],
            },
          },
          {
            id: `${rg}/providers/Microsoft.Network/publicIPAddresses/fw-pip`,
            name: 'fw-pip',
            type: 'Microsoft.Network/publicIPAddresses',
            properties: { ipAddress: '51.104.9.9' },
          },
        ],
      }),
    );
    const inv = SnapshotInventory.load(dir);
    const r = await ask('public ip of sqlapi', inv);
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'route-table', 'firewall', 'public-ip', 'internet']);
    expect(r.hops[2].name).toBe('aro-udr/to-fw');
    expect(r.hops.at(-1)?.src).toBe('51.104.9.9');
    // a destination on-premises takes the longer prefix to the gateway
    const onprem = await ask('public ip of sqlapi to reach 192.168.4.20', inv);
    expect(onprem.answer).toMatch(/virtual network gateway/);
    expect(onprem.hops.at(-1)).toMatchObject({
      src: '10.0.2.4',
      dst: '192.168.4.20',
    });
  });

  test('an instance-level public IP wins over the load balancer', async () => {
    const dir = demoCopy();
    const pip =
      '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/publicIPAddresses/qt8l7-pip';
    edit(
      dir,
      'azure/network-interfaces.json',
      (d) =>
        void (d.value.find((n: any) =>
          n.name.includes('qt8l7'),
        ).properties.ipConfigurations[0].properties.publicIPAddress = {
          id: pip,
        }),
    );
    edit(dir, 'azure/public-ips.json', (d) => [
      ...d,
      {
        id: pip,
        name: 'qt8l7-pip',
        type: 'Microsoft.Network/publicIPAddresses',
        ipAddress: '40.1.2.3',
      },
    ]);
    const r = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'public-ip', 'internet']);
    expect(r.hops.at(-1)?.src).toBe('40.1.2.3');
  });

  test('without outbound rules a load-balancing rule SNATs implicitly; with none either it is default outbound access', async () => {
    const dir = demoCopy();
    edit(dir, 'azure/load-balancers.json', (d) => void d.forEach((lb: any) => (lb.outboundRules = [])));
    const implicit = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(implicit.hops.at(-1)?.src).toBe('20.67.170.10');
    expect(implicit.warnings.join(' ')).toMatch(/implicitly/);
    edit(
      dir,
      'azure/load-balancers.json',
      (d) => void d.forEach((lb: any) => lb.loadBalancingRules.forEach((r: any) => (r.disableOutboundSnat = true))),
    );
    const none = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(none.warnings.join(' ')).toMatch(/Default outbound access/);
    expect(none.hops.at(-1)?.src).toBeUndefined();
  });
});

describe('SNAT arithmetic', () => {
  test.each([
    [1024, 1, 3, 62, undefined],
    [1024, 1, 62, 62, /allows only 62/],
    [1024, 1, 57, 62, /within 10 %/],
    [8000, 2, 10, 16, undefined],
  ])('%i ports × %i frontend IPs, %i nodes → max %i', (ports, fes, pool, max, warning) => {
    const s = snatCapacity(ports, fes, pool);
    expect(s.maxInstances).toBe(max);
    if (warning) expect(s.warning).toMatch(warning);
    else expect(s.warning).toBeUndefined();
  });
  test.each([
    [1, 1024],
    [50, 1024],
    [51, 512],
    [100, 512],
    [150, 256],
    [300, 128],
    [700, 64],
    [1000, 32],
  ])('default allocation for %i instances is %i ports', (n, p) => {
    expect(defaultPortsPerInstance(n)).toBe(p);
  });
  test('longest prefix wins; Internet traffic takes the default route', () => {
    const t = {
      routes: [
        { name: 'a', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance' },
        {
          name: 'b',
          prefix: '10.20.0.0/16',
          nextHopType: 'VirtualNetworkGateway',
        },
        { name: 'c', prefix: '10.20.1.0/24', nextHopType: 'None' },
      ],
    } as any;
    expect(matchRoute(t)?.name).toBe('a');
    expect(matchRoute(t, '10.20.1.5')?.name).toBe('c');
    expect(matchRoute(t, '10.20.9.5')?.name).toBe('b');
    expect(matchRoute(t, '8.8.8.8')?.name).toBe('a');
  });
});
