// The what-is rules on constructed facts: no snapshot, no phrasing.
import type { LoadBalancer, Nic, PublicIp } from '../../src/inventory/azure-model';
import { idKey } from '../../src/inventory/ids';
import type { Node, Pod, Service } from '../../src/inventory/k8s-types';
import { decide, nodePodCidrs, ovnNodeSubnets } from '../../src/what-is/decide';
import type { WhatIsFacts } from '../../src/what-is/facts';

const RG = '/subscriptions/s/resourceGroups/aro-infra';
const NET = `${RG}/providers/Microsoft.Network`;
const az = { resourceGroup: 'aro-infra', subscription: 's' };

const pod = (name: string, ip: string, extra: Partial<Pod['spec']> = {}): Pod => ({
  metadata: { name, namespace: 'project1' },
  spec: { nodeName: 'worker-1', ...extra },
  status: { phase: 'Running', podIP: ip },
});
const node = (name: string, ip: string, spec: Node['spec'] = {}, annotations?: Record<string, string>): Node => ({
  metadata: { name, labels: { 'node-role.kubernetes.io/worker': '' }, annotations },
  spec,
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pip = (name: string, ip: string, attachedToId?: string): PublicIp => ({
  id: `${NET}/publicIPAddresses/${name}`,
  name,
  type: 'Microsoft.Network/publicIPAddresses',
  ...az,
  ip,
  attachedToId,
});
const lb = (name: string, frontends: LoadBalancer['frontends'], extra: Partial<LoadBalancer> = {}): LoadBalancer => ({
  id: `${NET}/loadBalancers/${name}`,
  name,
  type: 'Microsoft.Network/loadBalancers',
  ...az,
  sku: 'Standard',
  frontends,
  pools: [],
  rules: [],
  outboundRules: [],
  inboundNatRules: [],
  probes: [],
  ...extra,
});
const nic = (name: string, ip: string, vmId?: string): Nic => ({
  id: `${NET}/networkInterfaces/${name}`,
  name,
  type: 'Microsoft.Network/networkInterfaces',
  ...az,
  vmId,
  primary: true,
  ipForwarding: false,
  ipConfigs: [
    {
      id: `${NET}/networkInterfaces/${name}/ipConfigurations/ipconfig1`,
      name: 'ipconfig1',
      privateIp: ip,
      primary: true,
      poolIds: [],
      natRuleIds: [],
    },
  ],
});

const facts = (f: Partial<WhatIsFacts>): WhatIsFacts => ({
  pods: [],
  services: [],
  nodes: [],
  lbs: [],
  pips: new Map(),
  nics: [],
  edge: { natGateways: [], firewalls: [], prefixes: [], publicIps: [] },
  ...f,
});
const pipMap = (...ps: PublicIp[]) => new Map(ps.map((p) => [idKey(p.id), p]));

test('a pod IP; a host-network pod with the same IP is counted on its node instead', () => {
  const d = decide(
    { ip: '10.129.2.7' },
    facts({ pods: [pod('sqlapi', '10.129.2.7'), pod('router', '10.0.2.5', { hostNetwork: true })] }),
  );
  expect(d).toEqual({
    ip: '10.129.2.7',
    outcome: 'found',
    findings: [{ kind: 'pod', namespace: 'project1', name: 'sqlapi', phase: 'Running', node: 'worker-1' }],
  });
  const n = decide(
    { ip: '10.0.2.5' },
    facts({
      pods: [pod('router', '10.0.2.5', { hostNetwork: true })],
      nodes: [node('worker-1', '10.0.2.5')],
      nics: [nic('worker-1-nic', '10.0.2.5')],
    }),
  );
  // the node's own NIC is not said a second time
  expect(n).toEqual({
    ip: '10.0.2.5',
    outcome: 'found',
    // the pods the node runs (spec.nodeName) are listed apart from the host-network ones, which share its address
    findings: [
      {
        kind: 'node',
        name: 'worker-1',
        role: 'worker',
        hostNetworkPods: 1,
        pods: [],
        hostPods: [expect.stringMatching(/router$/)],
      },
    ],
  });
});

test('a Service IP: its ClusterIP, and a LoadBalancer Service external IP', () => {
  const svc: Service = {
    metadata: { name: 'sqlapilb', namespace: 'project1' },
    spec: { type: 'LoadBalancer', clusterIP: '172.30.1.1', ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] },
    status: { loadBalancer: { ingress: [{ ip: '10.0.2.100' }] } },
  };
  expect(decide({ ip: '172.30.1.1' }, facts({ services: [svc] }))).toMatchObject({
    outcome: 'found',
    findings: [{ kind: 'cluster-ip', namespace: 'project1', name: 'sqlapilb', ports: ['80/TCP', '53/UDP'] }],
  });
  expect(decide({ ip: '10.0.2.100' }, facts({ services: [svc] }))).toMatchObject({
    outcome: 'found',
    findings: [{ kind: 'lb-service', name: 'sqlapilb' }],
  });
});

test('a load balancer frontend (public and private) with its purpose; public IPs elsewhere are said once', () => {
  const outPip = pip('outbound-pip', '20.1.1.1', `${NET}/loadBalancers/public-lb/frontendIPConfigurations/outbound`);
  const vmPip = pip('vm-pip', '20.2.2.2', `${NET}/networkInterfaces/bastion-nic/ipConfigurations/ipconfig1`);
  const spare = pip('spare-pip', '20.3.3.3');
  const pub = lb(
    'public-lb',
    [
      {
        id: `${NET}/loadBalancers/public-lb/frontendIPConfigurations/outbound`,
        name: 'outbound',
        publicIpId: outPip.id,
      },
    ],
    {
      pools: [{ id: 'pool', name: 'pool', ipConfigIds: [], addresses: ['10.0.2.5'] }],
      outboundRules: [
        {
          id: 'o',
          name: 'outboundrule',
          frontendIds: [`${NET}/loadBalancers/public-lb/frontendIPConfigurations/outbound`],
          allocatedOutboundPorts: 1024,
          protocol: 'All',
          enableTcpReset: true,
        },
      ],
    },
  );
  const internal = lb(
    'internal-lb',
    [{ id: `${NET}/loadBalancers/internal-lb/frontendIPConfigurations/api`, name: 'api', privateIp: '10.0.0.4' }],
    {
      rules: [
        {
          id: 'r',
          name: 'api-6443',
          frontendId: `${NET}/loadBalancers/internal-lb/frontendIPConfigurations/api`,
          poolIds: [],
          protocol: 'Tcp',
          frontendPort: 6443,
          backendPort: 6443,
          floatingIp: false,
          disableOutboundSnat: false,
        },
      ],
    },
  );
  const f = facts({ nodes: [node('worker-1', '10.0.2.5')], lbs: [pub, internal], pips: pipMap(outPip, vmPip, spare) });

  expect(decide({ ip: '20.1.1.1' }, f)).toEqual({
    ip: '20.1.1.1',
    outcome: 'found',
    findings: [
      {
        kind: 'lb-frontend',
        lb: 'public-lb',
        resourceGroup: 'aro-infra',
        frontend: 'outbound',
        address: 'public',
        publicIp: 'outbound-pip',
        purpose: 'egress for 1 worker via outbound rule outboundrule (1024 ports per instance, 4 min idle)',
      },
    ],
  });
  expect(decide({ ip: '10.0.0.4' }, f)).toMatchObject({
    findings: [
      {
        kind: 'lb-frontend',
        address: 'private',
        publicIp: undefined,
        purpose: 'API server (port 6443, rule api-6443)',
      },
    ],
  });
  expect(decide({ ip: '20.2.2.2' }, f)).toMatchObject({
    findings: [{ kind: 'public-ip', name: 'vm-pip', attachedTo: 'bastion-nic' }],
  });
  expect(decide({ ip: '20.3.3.3' }, f)).toMatchObject({
    findings: [{ kind: 'public-ip', name: 'spare-pip', attachedTo: undefined }],
  });
});

test('a NIC IP configuration that is no node', () => {
  const d = decide(
    { ip: '10.0.3.9' },
    facts({ nics: [nic('bastion-nic', '10.0.3.9', `${RG}/providers/Microsoft.Compute/virtualMachines/bastion`)] }),
  );
  expect(d).toEqual({
    ip: '10.0.3.9',
    outcome: 'found',
    findings: [{ kind: 'nic-ip', config: 'ipconfig1', nic: 'bastion-nic', resourceGroup: 'aro-infra', vm: 'bastion' }],
  });
});

test('not assigned: the node pod range (podCIDRs or the OVN annotation), else the cluster networks', () => {
  const ovn = node('worker-2', '10.0.2.6', {}, { 'k8s.ovn.org/node-subnets': '{"default":["10.129.2.0/23"]}' });
  const kubenet = node('aks-1', '10.224.0.4', { podCIDR: '10.244.1.0/24' });
  const cluster = {
    kind: 'aro' as const,
    name: 'aro2',
    ingressIps: [],
    podCidr: '10.128.0.0/14',
    serviceCidr: '172.30.0.0/16',
  };
  const f = facts({ nodes: [ovn, kubenet], cluster });
  expect(decide({ ip: '10.129.3.250' }, f)).toEqual({
    ip: '10.129.3.250',
    outcome: 'in-range',
    ranges: [{ kind: 'node-pods', node: 'worker-2', cidr: '10.129.2.0/23', network: '10.128.0.0/14' }],
  });
  expect(decide({ ip: '10.244.1.77' }, f)).toMatchObject({
    ranges: [{ kind: 'node-pods', node: 'aks-1', cidr: '10.244.1.0/24' }],
  });
  expect(decide({ ip: '10.128.0.99' }, f)).toMatchObject({ ranges: [{ kind: 'pod-network', cidr: '10.128.0.0/14' }] });
  expect(decide({ ip: '172.30.9.9' }, f)).toMatchObject({
    ranges: [{ kind: 'service-network', cidr: '172.30.0.0/16' }],
  });
  expect(decide({ ip: '8.8.8.8' }, f)).toEqual({ ip: '8.8.8.8', outcome: 'not-found', cluster: 'aro2' });
  expect(decide({ ip: '8.8.8.8' }, facts({}))).toEqual({ ip: '8.8.8.8', outcome: 'not-found', cluster: undefined });
});

test('the OVN node-subnets annotation: a list, a single subnet, or not JSON', () => {
  expect(ovnNodeSubnets('{"default":["10.129.2.0/23","fd01::/64"]}')).toEqual(['10.129.2.0/23', 'fd01::/64']);
  expect(ovnNodeSubnets('{"default":"10.128.2.0/23"}')).toEqual(['10.128.2.0/23']);
  expect(ovnNodeSubnets('not json')).toEqual([]);
  expect(ovnNodeSubnets(undefined)).toEqual([]);
  expect(
    nodePodCidrs(
      node(
        'n',
        '10.0.0.1',
        { podCIDRs: ['10.244.0.0/24'] },
        { 'k8s.ovn.org/node-subnets': '{"default":"10.128.0.0/23"}' },
      ),
    ),
  ).toEqual(['10.244.0.0/24', '10.128.0.0/23']);
});
