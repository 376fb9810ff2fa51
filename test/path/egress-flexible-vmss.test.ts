// VMs of a Flexible-orchestration scale set have no default outbound access. Visible only in a snapshot's
// `az vm list` (`virtualMachineScaleSet.id` on a Microsoft.Compute/virtualMachines resource); live, compute
// resources are not read, and a default-outbound answer says so. The demo with its workers' load balancer removed.
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { demoCopy, edit, rgId } from '../helpers/fixtures';

const VM = 'aro2-p8bjm-worker-northeurope1-qt8l7';
const VMSS = `${rgId('aro2-resources')}/providers/Microsoft.Compute/virtualMachineScaleSets/aro2-p8bjm-workers`;

/** The demo without the workers' public load balancer: nothing explicit gives the workers egress. */
function noExplicitOutbound(vms: (list: any[]) => any[]): SnapshotInventory {
  const dir = demoCopy();
  edit(dir, 'azure/load-balancers.json', (lbs: any[]) => lbs.filter((lb) => lb.name !== 'aro2-p8bjm'));
  const other = (pool: any) => !/\/loadBalancers\/aro2-p8bjm\//i.test(pool.id);
  // ARM REST shape: { value: [ { properties: { ipConfigurations: [ { properties: {...} } ] } } ] }
  edit(dir, 'azure/network-interfaces.json', (doc: any) => {
    for (const nic of doc.value)
      for (const c of nic.properties.ipConfigurations)
        c.properties.loadBalancerBackendAddressPools = (c.properties.loadBalancerBackendAddressPools ?? []).filter(
          other,
        );
  });
  edit(dir, 'azure/virtual-machines.json', vms);
  return SnapshotInventory.load(dir);
}

test('a Flexible scale set member without an explicit outbound method: no Internet egress, with the reason', async () => {
  const inv = noExplicitOutbound((vms) =>
    vms.map((vm) => (vm.name === VM ? { ...vm, virtualMachineScaleSet: { id: VMSS } } : vm)),
  );
  const r = await ask('egress sqlapi-1-8jgx8', inv);
  expect(r.errors).toEqual([]);
  expect(r.answer).toMatch(/has no Internet egress: its node's VM is in scale set aro2-p8bjm-workers \(Flexible/);
  expect(r.seenAs).toBeUndefined();
  expect(r.hops.at(-1)).toMatchObject({ kind: 'internet', note: 'no outbound path' });
});

test('the same VM outside a scale set: default outbound access', async () => {
  const r = await ask(
    'egress sqlapi-1-8jgx8',
    noExplicitOutbound((vms) => vms),
  );
  expect(r.answer).toMatch(/through Azure default outbound access/);
  expect(r.warnings.join('\n')).not.toMatch(/Flexible/);
});

test('the VM not visible (no az vm list; live reads no compute resources): default outbound, hedged', async () => {
  const r = await ask(
    'egress sqlapi-1-8jgx8',
    noExplicitOutbound(() => []),
  );
  expect(r.answer).toMatch(/through Azure default outbound access/);
  expect(r.warnings.join('\n')).toMatch(
    new RegExp(`VM ${VM} was not read .*Flexible-orchestration scale set it has no default outbound access`),
  );
});
