// An Application Gateway asked with (or as) the load balancers is listed after them, said apart (it is no Azure Load
// Balancer of the cluster's) with the Ingress it serves and the pod IPs it sends to itself (AGIC).
// https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const agic = () => SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-agic'));

test.each(['list our load balancers incl. the app gateway', 'which pods does the app gateway send to'])(
  '"%s" lists the gateway with the pods it sends to',
  async (text) => {
    const r = await ask(text, agic());
    expect(r.intent).toBe('load-balancers');
    expect(r.answer).toMatch(/Application Gateway aks-agw \(AGIC, public 20\.31\.50\.10;/);
    expect(r.answer).toMatch(/ingress shop\/web-agw → pods web-7d4b9c8f6d-abcde 10\.244\.0\.12/);
  },
);

test('the load balancers alone: no gateway listed', async () => {
  const r = await ask('which load balancers are there?', agic());
  expect(r.answer).toContain('kubernetes');
  expect(r.answer).not.toContain('Application Gateway');
});
