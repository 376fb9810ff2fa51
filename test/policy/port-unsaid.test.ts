// No port said: a pair is judged on the one port the target declares, and an NSG rule on some ports only is never
// skipped silently (aks-cni-nsg: db-nsg denies tcp/5432 from the app subnet).
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { evaluateNsg } from '../../src/path/nsg';
import type { NetworkSecurityGroup } from '../../src/inventory/azure-model';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-cni-nsg'));

test("no port said: the target's one declared port is judged, and the answer says it was assumed", async () => {
  const r = await ask('which nsg rule blocks web to db-0?', inv);
  expect(r.answer).toMatch(/^No: .*cannot reach shop\/db-0 on tcp:5432 — NSG db-nsg\/deny-5432-from-app-subnet/);
  expect(r.warnings.join(' ')).toMatch(/judged on tcp:5432, the one port db-0 declares \(no port was said\)/);
});

test('an NSG rule on some ports only, no port said: the decision is unsure, naming the rule', () => {
  const rule = (name: string, priority: number, access: string, ports: string[]) => ({
    name,
    priority,
    direction: 'Inbound',
    access,
    protocol: 'Tcp',
    source: ['*'],
    destination: ['*'],
    destinationPorts: ports,
  });
  const nsg = { id: 'x/nsg', name: 'nsg', rules: [rule('deny-5432', 200, 'Deny', ['5432'])] };
  const d = evaluateNsg(
    nsg as unknown as NetworkSecurityGroup,
    'subnet',
    'Inbound',
    {
      src: '10.0.0.4',
      dst: '10.0.1.4',
      protocol: 'TCP',
    },
    { virtualNetwork: ['10.0.0.0/16'] },
  );
  expect(d.rule).toBe('AllowVnetInBound');
  expect(d.unsure).toMatch(/nsg\/deny-5432 \(priority 200\) might apply: it covers port 5432 only/);
});
