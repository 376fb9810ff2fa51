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

// Application Gateway for Containers and Azure Front Door asked with the load balancers are listed the same way: what
// each serves (the HTTPRoute, the origin) and the pods behind it
// https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
// https://learn.microsoft.com/azure/frontdoor/origin
const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('an Application Gateway for Containers asked with the load balancers is listed with its route and pods', async () => {
  const r = await ask('list our load balancers incl. the application gateway for containers', fixture('aks-agc'));
  expect(r.intent).toBe('load-balancers');
  expect(r.answer).toMatch(
    /Application Gateway for Containers shop\/gateway-01 \(ALB controller, \S+\.alb\.azure\.com;/,
  );
  expect(r.answer).toMatch(/HTTPRoute shop\/web-route → pods web-7d4b9c8f6d-abcde 10\.244\.0\.12/);
});

test('an Azure Front Door asked with the load balancers is listed with its origin and the pods behind it', async () => {
  const r = await ask('which load balancers and front doors are there?', fixture('aro-afd'));
  expect(r.intent).toBe('load-balancers');
  expect(r.answer).toMatch(/Azure Front Door afd-sqlapi \(Standard\/Premium, sqlapi-ep-\S+\.azurefd\.net;/);
  expect(r.answer).toMatch(
    /origin aro-routers\/aro-route \(sqlapilb-project1\.\S+\) → pods sqlapi-1-8jgx8 10\.129\.2\.7/,
  );
});

test('the load balancers alone list no Front Door', async () => {
  const r = await ask('which load balancers are there?', fixture('aro-afd'));
  expect(r.answer).not.toContain('Front Door');
});
