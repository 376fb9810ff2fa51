// A landing zone: the hub's Azure Firewall and its Firewall Policy live in the connectivity subscription, not the
// cluster's (test/fixtures/hub-spoke-firewall, edited here to give the firewall a policy with one network rule
// collection). The policy and its rule collection group are read there by ID, live through the SDK as from the
// snapshot; without Reader on that subscription the firewall is not judged, and the answer names the scope.
// https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { LiveInventory } from '../../src/inventory/live';
import type { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited, writeJson } from '../helpers/fixtures';
import { liveRig } from '../helpers/live';

const HUB = '/subscriptions/7d1e4b2a-9c3f-4e8d-b6a5-2f0c9e8d7b14/resourceGroups/rg-connectivity-firewall';
const POLICY = `${HUB}/providers/Microsoft.Network/firewallPolicies/afwp-hub-weu`;
const GROUP = `${POLICY}/ruleCollectionGroups/spokes`;

const rule = (name: string, ports: string[]) => ({
  ruleType: 'NetworkRule',
  name,
  ipProtocols: ['TCP'],
  sourceAddresses: ['10.224.0.0/16'],
  destinationAddresses: ['*'],
  destinationPorts: ports,
});

/** The hub firewall with a policy in its own subscription: one group, HTTPS out from the spoke. */
function withPolicy(dir: string): void {
  edit(dir, 'azure/firewall.json', (doc) => {
    doc.value[0].properties.firewallPolicy = { id: POLICY };
  });
  const policy = {
    id: POLICY,
    name: 'afwp-hub-weu',
    type: 'Microsoft.Network/firewallPolicies',
    location: 'westeurope',
    properties: { threatIntelMode: 'Alert', ruleCollectionGroups: [{ id: GROUP }] },
  };
  const group = {
    id: GROUP,
    name: 'spokes',
    type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    properties: {
      priority: 200,
      ruleCollections: [
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
          name: 'spoke-out',
          priority: 100,
          action: { type: 'Allow' },
          rules: [rule('https', ['443'])],
        },
      ],
    },
  };
  writeJson(join(dir, 'azure', 'connectivity-firewall-policy.json'), { value: [policy, group] });
}

test('the hub policy in the connectivity subscription is read and judged, from the snapshot and live', async () => {
  await onEdited('hub-spoke-firewall', withPolicy, async (inv) => {
    const yes = await ask('can api reach 8.8.8.8 on 443?', inv);
    expect(yes.answer).toMatch(/^Yes: .* as far as NetworkPolicy, NSGs and the firewall go/);
    const no = await ask('can api reach 8.8.8.8 on 22?', inv);
    expect(no.verdict).toEqual({ allowed: false, by: ['afw-hub-weu/default deny'] });
    const dir = (inv as SnapshotInventory & { source: string }).source.replace(/^snapshot /, '');
    const rig = await liveRig(dir);
    try {
      const live = await ask('can api reach 8.8.8.8 on 22?', rig.inventory);
      expect(live.verdict).toEqual(no.verdict);
      expect(rig.arm.requestsTo(/\/ruleCollectionGroups\/spokes$/).map((r) => r.status)).toEqual([200]);
      // no Reader on the connectivity subscription: the policy is named as not read, no verdict on the firewall
      rig.arm.faults.push({ status: 403, match: /firewallPolicies/ });
      const blind = await ask('can api reach 8.8.8.8 on 22?', new LiveInventory(rig.inventory.kube, rig.freshArm()));
      expect(blind.errors).toContainEqual(
        expect.objectContaining({ lookup: 'firewall policy afwp-hub-weu', code: 'forbidden' }),
      );
      expect(blind.errors.find((e) => e.lookup === 'firewall policy afwp-hub-weu')?.reason).toMatch(
        /Reader on \/subscriptions\/7d1e4b2a/,
      );
      expect(blind.layers?.at(-1)).toMatchObject({ layer: 'firewall', verdict: 'not-evaluated' });
    } finally {
      await rig.stop();
    }
  });
});
