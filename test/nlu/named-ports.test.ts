// A port said by its name ("on the http port", "over postgres"): the target's Service port of that name, else its
// pods' container port of that name, else a well-known number only when the target declares it; two candidates give
// no port. Arrows drawn back ("server ← sqlapi") and ports said in brackets are read too.
import { join } from 'node:path';
import { understandWith } from '../../src/answer';
import type { Pod, Service } from '../../src/inventory/k8s-types';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { portByName } from '../../src/path/ports';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const aksLb = fixture('aks-lb');
const aksNsg = fixture('aks-cni-nsg');
const demo = SnapshotInventory.demo();

const pod = (name: string, ports: { name?: string; containerPort: number }[]): Pod =>
  ({
    metadata: { name, namespace: 'shop', labels: { app: 'api' } },
    spec: { containers: [{ name: 'c', ports }] },
  }) as Pod;
const service = (ports: { name?: string; port: number; targetPort?: number | string }[]): Service =>
  ({ metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, ports } }) as Service;

test('a port name stands for what the target declares by that name, in the order the Service, its pods, well-known', () => {
  const pods = [pod('api-1', [{ name: 'web', containerPort: 8080 }])];
  const svc = service([{ name: 'web', port: 80, targetPort: 'web' }]);
  // the Service's port of that name (the one named, or the one selecting the pods)
  expect(portByName('web', { service: svc, pods }, [])).toBe(80);
  expect(portByName('web', { pods }, [svc])).toBe(80);
  // no Service: the container port of that name
  expect(portByName('web', { pods }, [])).toBe(8080);
  // a well-known number only when declared: https 443 is not, http 80 is (the Service's port)
  expect(portByName('https', { service: svc, pods }, [])).toBeUndefined();
  expect(portByName('http', { service: svc, pods }, [])).toBe(80);
  // two candidates for one name: no port
  const two = [
    pod('api-1', [{ name: 'metrics', containerPort: 9090 }]),
    pod('api-2', [{ name: 'metrics', containerPort: 9100 }]),
  ];
  expect(portByName('metrics', { pods: two }, [])).toBeUndefined();
});

test('named ports, arrows drawn back and ports in brackets in questions', async () => {
  for (const [q, inv, port] of [
    ['trace api to db-0 over its postgres port', aksLb, 5432],
    ['is web allowed to reach api on the http port?', aksLb, 8080],
    // the Service calls its 5432 port "pg": postgres is its well-known number, declared there
    ['api → db on postgres, what path?', aksNsg, 5432],
    ['can web open a connection to db on the postgres port (5432)?', aksLb, 5432],
    ['db-0 <- api hops on 5432', aksLb, 5432],
  ] as const) {
    const i = await understandWith(q, inv);
    expect([q, i.port]).toEqual([q, port]);
  }
  const back = await understandWith('sqlapi ← server path', demo);
  expect(back.roles).toEqual({ client: 'server', target: 'sqlapi' });
  // a port name the target does not declare gives no port
  expect((await understandWith('api → db-0 path on the redis port', aksLb)).port).toBeUndefined();
});

test('a pasted client error with an address and port stays egress (no port name read from it)', async () => {
  const natgw = fixture('aks-natgw');
  const q =
    'Error: connect ECONNREFUSED 203.0.113.40:8443\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n' +
    'connect ECONNREFUSED 203.0.113.40:8443 from the web pods. what ip does the vendor see us as?';
  const i = await understandWith(q, natgw);
  expect([i.kind, i.port, i.portName]).toEqual(['egress', 8443, undefined]);
});

test("a socket listing's row: the port outside the ephemeral range, whichever end it was listed on", async () => {
  for (const row of ['ESTAB 0 0 10.244.2.15:48122 10.244.1.9:5432', 'ESTAB 0 0 10.244.1.9:5432 10.244.2.15:48122'])
    expect((await understandWith(`${row}\nwhat path does this take?`, aksLb)).port).toBe(5432);
  // both ephemeral or both not: nothing to tell them apart, the first address's port as before
  expect((await understandWith('10.244.2.15:8080 10.244.1.9:5432 path?', aksLb)).port).toBe(8080);
});
