// The pod facts rules on constructed facts: no snapshot, no phrasing.
import type { Node, Pod, Service } from '../../src/inventory/k8s-types';
import { decide, envDisplay } from '../../src/pod/decide';

const nodes: Node[] = [
  { metadata: { name: 'worker-1' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.2.5' }] } },
];
const services: Service[] = [
  { metadata: { name: 'sqlserver', namespace: 'project1' }, spec: { clusterIP: '172.30.1.1' } },
  { metadata: { name: 'cache', namespace: 'other' }, spec: { clusterIP: '172.30.2.2' } },
];

const sqlapi: Pod = {
  metadata: {
    name: 'sqlapi-1-8jgx8',
    namespace: 'project1',
    ownerReferences: [
      { kind: 'Node', name: 'worker-1' },
      { kind: 'ReplicationController', name: 'sqlapi-1', controller: true },
    ],
  },
  spec: {
    nodeName: 'worker-1',
    containers: [
      {
        name: 'api',
        env: [
          { name: 'SQL_HOST', value: 'sqlserver' }, // a Service of its namespace by its bare name
          { name: 'CACHE_URL', value: 'http://cache:6379' }, // "cache" is in another namespace: not this one's
          { name: 'SQL_IP', value: '172.30.1.1' },
          { name: 'GREETING', value: 'hello' },
          { name: 'API', value: 'api.example.com:443' },
          { name: 'DB_CONN', value: 'Server=sqlserver.project1;Password=hunter2' },
          { name: 'SA_PASSWORD', valueFrom: { secretKeyRef: { name: 'sqlpassword', key: 'password' } } },
        ],
      },
      { name: 'sidecar', env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
    ],
  },
  status: { phase: 'Running', podIP: '10.129.2.7' },
};

test('a running pod: IP, node, the controller owner, env vars naming services or coming from references', () => {
  expect(decide({ pod: sqlapi }, { nodes, services })).toEqual({
    name: 'sqlapi-1-8jgx8',
    namespace: 'project1',
    ip: '10.129.2.7',
    hostNetwork: false,
    phase: 'Running',
    running: true,
    nodeName: 'worker-1',
    node: { name: 'worker-1', ip: '10.0.2.5' },
    owner: { kind: 'ReplicationController', name: 'sqlapi-1' },
    env: [
      { name: 'SQL_HOST', shown: 'sqlserver' },
      { name: 'SQL_IP', shown: '172.30.1.1' },
      { name: 'API', shown: 'api.example.com:443' },
      { name: 'DB_CONN', shown: '(hidden: looks secret)' },
      { name: 'SA_PASSWORD', shown: 'from Secret sqlpassword/password (value not shown)' },
      { name: 'POD_NAME', shown: 'from field metadata.name' },
    ],
  });
});

test('a pending host-network pod with no namespace, node or owner', () => {
  const p: Pod = { metadata: { name: 'router' }, spec: { hostNetwork: true }, status: { phase: 'Pending' } };
  expect(decide({ pod: p }, { nodes: [], services: [] })).toEqual({
    name: 'router',
    namespace: 'default',
    ip: undefined,
    hostNetwork: true,
    phase: 'Pending',
    running: false,
    nodeName: undefined,
    node: undefined,
    owner: undefined,
    env: [],
  });
});

test('how an env var may be shown: references by what they name, literals unless they look secret', () => {
  expect(envDisplay({ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'url' } } })).toBe(
    'from ConfigMap cfg/url',
  );
  expect(envDisplay({ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } })).toBe(
    'from resource limits.cpu',
  );
  expect(envDisplay({ name: 'A', valueFrom: { somethingNew: {} } })).toBe('from a reference');
  expect(envDisplay({ name: 'API_TOKEN', value: 'abc' })).toBe('(hidden: looks secret)');
  expect(envDisplay({ name: 'HOST', value: 'sqlserver' })).toBe('sqlserver');
  expect(envDisplay({ name: 'EMPTY' })).toBe('');
});
