// A pasted NXDOMAIN for a name that is another name with a search domain appended: the resolver's try of the
// search list, expected to fail; the name itself and the address it resolves to are said.
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { clusterSearches, searchTry } from '../../src/path/dns';

test('searchTry: the longest search domain a name ends with, and the name before it', () => {
  const searches = clusterSearches('project1');
  expect(searchTry('server.project1.svc.cluster.local.project1.svc.cluster.local', searches)).toEqual({
    base: 'server.project1.svc.cluster.local',
    domain: 'project1.svc.cluster.local',
  });
  expect(searchTry('db.shop.svc.cluster.local.', clusterSearches('shop'))).toEqual({
    base: 'db',
    domain: 'shop.svc.cluster.local',
  });
  expect(searchTry('example.com', searches)).toBeUndefined();
});

test('nslookup NXDOMAIN for a doubled search domain: the try is expected, the name resolves (demo)', async () => {
  const text =
    '$ oc rsh sqlapi-1-8jgx8 nslookup server\nServer:  172.30.0.10\n' +
    "** server can't find server.project1.svc.cluster.local.project1.svc.cluster.local: NXDOMAIN\n" +
    'search domain thing? what does server resolve to?';
  const r = await ask(text, SnapshotInventory.demo());
  expect(r.intent).toBe('dns');
  expect(r.status).toBe('answered');
  expect(r.answer).toContain(
    'server.project1.svc.cluster.local.project1.svc.cluster.local is server.project1.svc.cluster.local ' +
      'with the search domain project1.svc.cluster.local appended',
  );
  expect(r.answer).toMatch(/with ndots:5 a name with fewer than 5 dots is first tried with each search domain/);
  expect(r.answer).toContain('server.project1.svc.cluster.local resolves to 172.30.138.47 (Service project1/server)');
  expect(r.errors).toEqual([]);
});

test('a name that is no Service even without the search domain is still said not to be one', async () => {
  const text =
    '$ oc rsh sqlapi-1-8jgx8 nslookup nothere\nServer:  172.30.0.10\n' +
    "** server can't find nothere.project1.svc.cluster.local.project1.svc.cluster.local: NXDOMAIN\n" +
    'why?';
  const r = await ask(text, SnapshotInventory.demo(), {}, 'dns');
  expect(r.answer).not.toMatch(/resolves to 172\./);
  expect(r.answer).toMatch(/is not a cluster Service name/);
});
