// The load balancer rules on constructed facts: no snapshot, no phrasing.
import type { LoadBalancer, PublicIp } from '../../src/inventory/azure-model';
import { idKey } from '../../src/inventory/ids';
import type { Node, Service } from '../../src/inventory/k8s-types';
import { decide } from '../../src/load-balancers/decide';
import type { LbFacts } from '../../src/load-balancers/facts';

const RG = '/subscriptions/s/resourceGroups/aro-infra';
const NET = `${RG}/providers/Microsoft.Network`;
const az = { resourceGroup: 'aro-infra', subscription: 's' };
const UID = '5c1f2a7b-9d3e-4f60-8a21-7b3c9d0e4f1a';
const FE_OF_SVC = 'a' + UID.replace(/-/g, '').slice(0, 31);

const node = (name: string, ip: string, role: string): Node => ({
  metadata: { name, labels: { [`node-role.kubernetes.io/${role}`]: '' } },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const fe = (lbName: string, name: string, x: { privateIp?: string; publicIpId?: string }) => ({
  id: `${NET}/loadBalancers/${lbName}/frontendIPConfigurations/${name}`,
  name,
  ...x,
});
const lb = (name: string, extra: Partial<LoadBalancer>): LoadBalancer => ({
  id: `${NET}/loadBalancers/${name}`,
  name,
  type: 'Microsoft.Network/loadBalancers',
  ...az,
  sku: 'Standard',
  frontends: [],
  pools: [],
  rules: [],
  outboundRules: [],
  inboundNatRules: [],
  probes: [],
  ...extra,
});
const pip: PublicIp = {
  id: `${NET}/publicIPAddresses/outbound-pip`,
  name: 'outbound-pip',
  type: 'Microsoft.Network/publicIPAddresses',
  ...az,
  ip: '20.105.84.161',
};
const svc: Service = {
  metadata: { name: 'sqlapilb', namespace: 'project1', uid: UID },
  spec: { type: 'LoadBalancer' },
};

const nodes = [
  node('master-0', '10.0.0.6', 'master'),
  node('worker-1', '10.0.2.5', 'worker'),
  node('worker-2', '10.0.2.6', 'worker'),
];
const publicLb = lb('public-lb', {
  frontends: [
    fe('public-lb', 'outbound', { publicIpId: pip.id }),
    fe('public-lb', 'gone', { publicIpId: `${NET}/publicIPAddresses/gone-pip` }),
  ],
  pools: [{ id: 'p', name: 'p', ipConfigIds: [], addresses: ['10.0.2.5', '10.0.2.6'] }],
  outboundRules: [
    {
      id: 'o',
      name: 'outboundrule',
      frontendIds: [fe('public-lb', 'outbound', {}).id],
      allocatedOutboundPorts: 0,
      idleTimeoutMinutes: 30,
      protocol: 'All',
      enableTcpReset: true,
    },
  ],
});
const internalLb = lb('internal-lb', {
  frontends: [fe('internal-lb', FE_OF_SVC, { privateIp: '10.0.2.100' })],
  pools: [{ id: 'p', name: 'p', ipConfigIds: [], addresses: ['10.0.0.6', '10.9.9.9'] }],
  rules: [
    {
      id: 'r',
      name: `${FE_OF_SVC}-TCP-80`,
      frontendId: fe('internal-lb', FE_OF_SVC, {}).id,
      poolIds: [],
      protocol: 'Tcp',
      frontendPort: 80,
      backendPort: 80,
      floatingIp: true,
      disableOutboundSnat: false,
    },
  ],
});

const facts = (lbs: LoadBalancer[]): LbFacts => ({
  groups: [RG],
  lbs,
  pips: new Map([[idKey(pip.id), pip]]),
  nics: [],
  nodes,
  services: [svc],
});

test('every load balancer, by name: kind, members, frontends with address and purpose', () => {
  const d = decide({ pick: [] }, facts([publicLb, internalLb]));
  expect(d).toEqual({
    outcome: 'listed',
    only: undefined,
    resourceGroups: ['aro-infra'],
    lbs: [
      {
        name: 'internal-lb',
        resourceGroup: 'aro-infra',
        kind: 'internal',
        members: ['master-0', '10.9.9.9'],
        // a member that is no node is named with its address
        membersText: '1 master, 1 other member: 10.9.9.9',
        rules: internalLb.rules,
        outbound: [],
        probes: [],
        // IP-based members: the addresses the pool holds, whether a node has them or not
        poolAddresses: ['10.0.0.6', '10.9.9.9'],
        // each pool by name with its size
        pools: [{ name: 'p', size: 2 }],
        frontends: [
          {
            name: FE_OF_SVC,
            address: { kind: 'private', ip: '10.0.2.100' },
            purpose: 'ingress for Service project1/sqlapilb (port 80)',
          },
        ],
      },
      {
        name: 'public-lb',
        resourceGroup: 'aro-infra',
        kind: 'public',
        members: ['worker-1', 'worker-2'],
        membersText: '2 workers',
        rules: [],
        // the outbound rule's default allocation: the ports per node shrink as the pool grows, to the table's largest
        outbound: [
          "outboundrule serves up to 1,000 nodes (Azure's default allocation: fewer ports per node as the pool grows)",
        ],
        probes: [],
        poolAddresses: ['10.0.2.5', '10.0.2.6'],
        pools: [{ name: 'p', size: 2 }],
        frontends: [
          {
            name: 'outbound',
            address: { kind: 'public', ip: '20.105.84.161', name: 'outbound-pip' },
            purpose: 'egress for 2 workers via outbound rule outboundrule (default ports per instance, 30 min idle)',
          },
          // a public IP that could not be read: named from the frontend's reference
          { name: 'gone', address: { kind: 'public', ip: undefined, name: 'gone-pip' }, purpose: 'no rules use it' },
        ],
      },
    ],
  });
});

test('a name that is a load balancer narrows the list (any case); other names do not', () => {
  const one = decide({ pick: ['sqlapi', 'PUBLIC-LB'] }, facts([publicLb, internalLb]));
  // named as the inventory spells it, whatever the case asked
  expect(one).toMatchObject({ outcome: 'listed', only: 'public-lb', lbs: [{ name: 'public-lb' }] });
  const all = decide({ pick: ['sqlapi'] }, facts([publicLb, internalLb]));
  expect(all).toMatchObject({ outcome: 'listed', only: undefined });
  expect((all as { lbs: unknown[] }).lbs).toHaveLength(2);
});

test('a name given as a load balancer that is none: not found, with the ones there are in the order read', () => {
  expect(decide({ pick: ['nope'], explicit: 'nope' }, facts([publicLb, internalLb]))).toEqual({
    outcome: 'not-found',
    name: 'nope',
    resourceGroups: ['aro-infra'],
    known: ['public-lb', 'internal-lb'],
  });
  expect(decide({ pick: ['nope'], explicit: 'nope' }, { ...facts([]), groups: [] })).toEqual({
    outcome: 'not-found',
    name: 'nope',
    resourceGroups: [],
    known: [],
  });
});

// A Service's frontend sends traffic on to its ready endpoints; with externalTrafficPolicy Local only the nodes that
// run one pass the health probe
// https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
test('a Service frontend names the ready pods behind it, and the nodes that pass the probe under Local', () => {
  const local: Service = { ...svc, spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' } };
  const slice = (ready: boolean, name: string, ip: string, nodeName: string) => ({
    addresses: [ip],
    conditions: { ready },
    nodeName,
    targetRef: { kind: 'Pod', name, namespace: 'project1' },
  });
  const slices = [
    {
      metadata: { name: 'sqlapilb-x', namespace: 'project1', labels: { 'kubernetes.io/service-name': 'sqlapilb' } },
      endpoints: [
        slice(true, 'sqlapi-1', '10.128.2.7', 'worker-1'),
        slice(false, 'sqlapi-2', '10.131.0.9', 'worker-2'),
      ],
    },
  ];
  const behind = (services: Service[], s = slices) => {
    const d = decide({ pick: [] }, { ...facts([internalLb]), services, slices: s, endpoints: [] });
    return d.outcome === 'listed' ? d.lbs[0].frontends[0].behind : undefined;
  };
  expect(behind([svc])).toBe('pods sqlapi-1 10.128.2.7');
  expect(behind([local])).toBe(
    'pods sqlapi-1 10.128.2.7 (externalTrafficPolicy Local: only worker-1 passes the probe)',
  );
  expect(behind([svc], [])).toBe('no ready pods behind it');
});
