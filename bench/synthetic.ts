// A seeded, deterministic AKS-shaped cluster of any size, written as a
// snapshot folder (kubectl List JSON + az/ARM JSON): for the benchmark, and
// for tests that need large inventories (card size limits).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticSize {
  nodes: number;
  pods: number;
  services: number;
  loadBalancers: number;
  publicIps: number;
  seed?: number;
}

export const SIZES: Record<string, SyntheticSize> = {
  small: {
    nodes: 10,
    pods: 200,
    services: 40,
    loadBalancers: 2,
    publicIps: 20,
  },
  medium: {
    nodes: 70,
    pods: 1500,
    services: 300,
    loadBalancers: 6,
    publicIps: 120,
  },
  large: {
    nodes: 200,
    pods: 5000,
    services: 1000,
    loadBalancers: 20,
    publicIps: 400,
  },
  // AKS's largest: 5,000 nodes; pods are served realistic (see realisticPod)
  xl: {
    nodes: 5000,
    pods: 150000,
    services: 10000,
    loadBalancers: 40,
    publicIps: 800,
  },
};

export const SUBSCRIPTION = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const NODE_RG = 'MC_rg-synth_aks-synth_westeurope';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uid = (r: () => number) => {
  const h = () =>
    Math.floor(r() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
};

/** Writes the cluster into `dir`; returns the names a benchmark asks about. */
export function writeSynthetic(dir: string, size: SyntheticSize) {
  const r = rng(size.seed ?? 42);
  const rg = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${NODE_RG}`;
  const net = (t: string, n: string) => `${rg}/providers/Microsoft.Network/${t}/${n}`;
  const vnetId = net('virtualNetworks', 'aks-vnet-synth');
  const subnetId = `${vnetId}/subnets/aks-subnet`;
  const perPool = 50;
  const nodes = Array.from({ length: size.nodes }, (_, i) => {
    const pool = Math.floor(i / perPool);
    const vmss = `aks-pool${pool}-12345678-vmss`;
    const index = i % perPool;
    const vmId = `${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/${vmss}/virtualMachines/${index}`;
    return {
      name: `aks-pool${pool}-12345678-vmss${index.toString(36).padStart(6, '0')}`,
      ip: `10.224.${Math.floor(i / 250)}.${(i % 250) + 4}`,
      podCidr: `10.244.${i}.0/24`,
      vmss,
      index,
      vmId,
      nicId: `${vmId}/networkInterfaces/${vmss}`,
      pool,
    };
  });
  const lbName = (i: number) => (i === 0 ? 'kubernetes' : i === 1 ? 'kubernetes-internal' : `kubernetes-extra-${i}`);
  const namespaces = Array.from({ length: Math.max(1, Math.ceil(size.services / 20)) }, (_, i) => `team-${i}`);

  // Services and their pods
  const services: unknown[] = [];
  const slices: unknown[] = [];
  const pods: unknown[] = [];
  const lbServices: {
    name: string;
    ns: string;
    uid: string;
    ip: string;
    lb: number;
    port: number;
  }[] = [];
  let podCount = 0;
  let pipCount = 0;
  const outboundPips = Math.min(4, Math.max(1, Math.floor(size.publicIps / 100)));
  for (let s = 0; s < size.services; s++) {
    const ns = namespaces[s % namespaces.length];
    const name = `svc-${s}`;
    const replicas = Math.max(1, Math.round(((size.pods - podCount) / (size.services - s)) * (0.5 + r())));
    const sUid = uid(r);
    const isLb = s % 5 === 0 && pipCount < size.publicIps - outboundPips;
    const clusterIp = `10.0.${Math.floor(s / 250) + 1}.${(s % 250) + 2}`;
    const lbIp = isLb
      ? `20.${60 + Math.floor(pipCount / 250)}.${Math.floor(pipCount / 250) % 250}.${(pipCount % 250) + 2}`
      : undefined;
    if (isLb) {
      lbServices.push({
        name,
        ns,
        uid: sUid,
        ip: lbIp!,
        lb: s % Math.max(1, size.loadBalancers - 1 || 1) === 0 ? 0 : 2 + (s % Math.max(1, size.loadBalancers - 2)),
        port: 80,
      });
      pipCount++;
    }
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ns, uid: sUid, labels: { app: name } },
      spec: {
        type: isLb ? 'LoadBalancer' : 'ClusterIP',
        clusterIP: clusterIp,
        clusterIPs: [clusterIp],
        selector: { app: name },
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 8080,
            protocol: 'TCP',
            ...(isLb ? { nodePort: 30000 + s } : {}),
          },
        ],
        ...(isLb ? { externalTrafficPolicy: s % 2 ? 'Local' : 'Cluster' } : {}),
      },
      status: { loadBalancer: isLb ? { ingress: [{ ip: lbIp }] } : {} },
    });
    const endpoints: unknown[] = [];
    for (let k = 0; k < replicas && podCount < size.pods; k++, podCount++) {
      const node = nodes[Math.floor(r() * nodes.length)];
      const hash = Math.floor(r() * 1e9)
        .toString(36)
        .padStart(6, '0')
        .slice(0, 5);
      const podName = `${name}-7d4b9c8f6d-${hash}${k}`;
      const nodeIdx = nodes.indexOf(node);
      const ip = `10.244.${nodeIdx}.${(podCount % 250) + 2}`;
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace: ns,
          uid: uid(r),
          labels: { app: name, 'pod-template-hash': '7d4b9c8f6d' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: `${name}-7d4b9c8f6d`,
              controller: true,
            },
          ],
        },
        spec: {
          nodeName: node.name,
          containers: [
            {
              name: 'app',
              image: 'mcr.microsoft.com/azuredocs/aks-helloworld:v1',
              ports: [{ containerPort: 8080 }],
              env: [
                {
                  name: 'UPSTREAM',
                  value: `svc-${(s + 1) % size.services}.${namespaces[(s + 1) % namespaces.length]}.svc.cluster.local`,
                },
              ],
            },
          ],
        },
        status: {
          phase: 'Running',
          podIP: ip,
          podIPs: [{ ip }],
          hostIP: node.ip,
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      });
      endpoints.push({
        addresses: [ip],
        conditions: { ready: true },
        nodeName: node.name,
        targetRef: { kind: 'Pod', name: podName, namespace: ns },
      });
    }
    slices.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      addressType: 'IPv4',
      metadata: {
        name: `${name}-abcde`,
        namespace: ns,
        labels: { 'kubernetes.io/service-name': name },
      },
      endpoints,
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
  }

  const k8sNodes = nodes.map((n) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.azure.com/cluster': 'aks-synth',
        'kubernetes.azure.com/agentpool': `pool${n.pool}`,
        'kubernetes.azure.com/role': 'agent',
        'node-role.kubernetes.io/agent': '',
      },
    },
    spec: {
      providerID: `azure://${n.vmId}`,
      podCIDR: n.podCidr,
      podCIDRs: [n.podCidr],
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  }));
  const list = (items: unknown[]) => ({
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items,
  });
  mkdirSync(join(dir, 'kubernetes'), { recursive: true });
  mkdirSync(join(dir, 'azure'), { recursive: true });
  const w = (f: string, d: unknown) => writeFileSync(join(dir, f), JSON.stringify(d));
  w('kubernetes/nodes.json', list(k8sNodes));
  w('kubernetes/pods.json', list(pods));
  w('kubernetes/services.json', list(services));
  w('kubernetes/endpointslices.json', list(slices));
  w(
    'kubernetes/namespaces.json',
    list(
      namespaces.map((n) => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: n, labels: { 'kubernetes.io/metadata.name': n } },
      })),
    ),
  );

  // Azure, ARM REST shape
  const pips: unknown[] = [];
  const pipId = (n: string) => net('publicIPAddresses', n);
  const ipcId = (n: (typeof nodes)[number]) => `${n.nicId}/ipConfigurations/ipconfig1`;
  const lbs = Array.from({ length: size.loadBalancers }, (_, i) => {
    const name = lbName(i);
    const id = net('loadBalancers', name);
    const fes: unknown[] = [];
    const rules: unknown[] = [];
    const outbound: unknown[] = [];
    const pool = `${id}/backendAddressPools/kubernetes`;
    if (i === 0) {
      for (let o = 0; o < outboundPips; o++) {
        const pname = `outbound-pip-${o}`;
        pips.push({
          id: pipId(pname),
          name: pname,
          type: 'Microsoft.Network/publicIPAddresses',
          location: 'westeurope',
          properties: {
            ipAddress: `51.${100 + o}.0.1`,
            ipConfiguration: {
              id: `${id}/frontendIPConfigurations/outbound-${o}`,
            },
          },
        });
        fes.push({
          id: `${id}/frontendIPConfigurations/outbound-${o}`,
          name: `outbound-${o}`,
          properties: { publicIPAddress: { id: pipId(pname) } },
        });
      }
      outbound.push({
        id: `${id}/outboundRules/aksOutboundRule`,
        name: 'aksOutboundRule',
        properties: {
          allocatedOutboundPorts: 0,
          idleTimeoutInMinutes: 30,
          protocol: 'All',
          backendAddressPool: { id: pool },
          frontendIPConfigurations: fes.map((f) => ({
            id: (f as { id: string }).id,
          })),
        },
      });
    }
    for (const svc of lbServices.filter((x) => x.lb === i)) {
      const fe = `a${svc.uid.replace(/-/g, '').slice(0, 31)}`;
      const pname = `kubernetes-${fe}`;
      pips.push({
        id: pipId(pname),
        name: pname,
        type: 'Microsoft.Network/publicIPAddresses',
        location: 'westeurope',
        properties: {
          ipAddress: svc.ip,
          ipConfiguration: { id: `${id}/frontendIPConfigurations/${fe}` },
        },
      });
      fes.push({
        id: `${id}/frontendIPConfigurations/${fe}`,
        name: fe,
        properties: { publicIPAddress: { id: pipId(pname) } },
      });
      rules.push({
        id: `${id}/loadBalancingRules/${fe}-TCP-80`,
        name: `${fe}-TCP-80`,
        properties: {
          frontendIPConfiguration: {
            id: `${id}/frontendIPConfigurations/${fe}`,
          },
          backendAddressPool: { id: pool },
          protocol: 'Tcp',
          frontendPort: 80,
          backendPort: 80,
          enableFloatingIP: true,
          disableOutboundSnat: true,
          idleTimeoutInMinutes: 4,
        },
      });
    }
    return {
      id,
      name,
      type: 'Microsoft.Network/loadBalancers',
      location: 'westeurope',
      sku: { name: 'Standard' },
      properties: {
        frontendIPConfigurations: fes,
        backendAddressPools: [
          {
            id: pool,
            name: 'kubernetes',
            properties: {
              backendIPConfigurations: i < 2 ? nodes.map((n) => ({ id: ipcId(n) })) : [],
            },
          },
        ],
        loadBalancingRules: rules,
        outboundRules: outbound,
        probes: [],
        inboundNatRules: [],
      },
    };
  });
  while (pips.length < size.publicIps) {
    const n = `unattached-pip-${pips.length}`;
    pips.push({
      id: pipId(n),
      name: n,
      type: 'Microsoft.Network/publicIPAddresses',
      location: 'westeurope',
      properties: {
        ipAddress: `52.${10 + Math.floor(pips.length / 250)}.${pips.length % 250}.9`,
      },
    });
  }
  const nics = nodes.map((n) => ({
    id: n.nicId,
    name: n.vmss,
    type: 'Microsoft.Network/networkInterfaces',
    location: 'westeurope',
    properties: {
      primary: true,
      virtualMachine: { id: n.vmId },
      ipConfigurations: [
        {
          id: ipcId(n),
          name: 'ipconfig1',
          properties: {
            primary: true,
            privateIPAddress: n.ip,
            subnet: { id: subnetId },
            loadBalancerBackendAddressPools: [
              {
                id: `${net('loadBalancers', 'kubernetes')}/backendAddressPools/kubernetes`,
              },
            ],
          },
        },
      ],
    },
  }));
  w('azure/load-balancers.json', { value: lbs });
  w('azure/public-ips.json', { value: pips });
  w('azure/vmss-nics.json', { value: nics });
  w('azure/vnet.json', {
    id: vnetId,
    name: 'aks-vnet-synth',
    type: 'Microsoft.Network/virtualNetworks',
    properties: {
      addressSpace: { addressPrefixes: ['10.224.0.0/12'] },
      subnets: [
        {
          id: subnetId,
          name: 'aks-subnet',
          properties: { addressPrefix: '10.224.0.0/16' },
        },
      ],
    },
  });
  w('cluster.json', {
    id:
      `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-synth/providers/Microsoft.ContainerService/managedClusters/` +
      'aks-synth',
    name: 'aks-synth',
    type: 'Microsoft.ContainerService/ManagedClusters',
    nodeResourceGroup: NODE_RG,
    networkProfile: {
      networkPlugin: 'kubenet',
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      outboundType: 'loadBalancer',
    },
  });

  const firstPod = pods[0] as { metadata: { name: string; namespace: string } };
  const lbSvc = lbServices[0];
  return {
    pod: firstPod.metadata.name,
    namespace: firstPod.metadata.namespace,
    lbService: lbSvc && { name: lbSvc.name, namespace: lbSvc.ns, ip: lbSvc.ip },
    podCount,
    serviceCount: services.length,
    publicIps: pips.length,
  };
}

const hex = (seed: string, n: number) => {
  let h = 2166136261;
  let out = '';
  while (out.length < n) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
    seed += out.length;
  }
  return out.slice(0, n);
};

/** The status-side managedFields entry the kubelet writes (fieldsV1 mirrors every status field it owns). */
const KUBELET_FIELDS = {
  'f:status': {
    'f:conditions': Object.fromEntries(
      ['ContainersReady', 'Initialized', 'PodReadyToStartContainers', 'PodScheduled', 'Ready'].map((t) => [
        `k:{"type":"${t}"}`,
        { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} },
      ]),
    ),
    'f:containerStatuses': {},
    'f:hostIP': {},
    'f:hostIPs': {},
    'f:phase': {},
    'f:podIP': {},
    'f:podIPs': { '.': {}, 'k:{"ip":"IP"}': { '.': {}, 'f:ip': {} } },
    'f:startTime': {},
  },
};

/** The spec-side managedFields entry the ReplicaSet controller writes. */
const CONTROLLER_FIELDS = {
  'f:metadata': {
    'f:annotations': { '.': {}, 'f:checksum/config': {}, 'f:kubectl.kubernetes.io/restartedAt': {} },
    'f:generateName': {},
    'f:labels': { '.': {}, 'f:app': {}, 'f:app.kubernetes.io/name': {}, 'f:pod-template-hash': {}, 'f:version': {} },
    'f:ownerReferences': { '.': {}, 'k:{"uid":"UID"}': {} },
  },
  'f:spec': {
    'f:containers': {
      'k:{"name":"app"}': Object.fromEntries(
        [
          'env',
          'image',
          'imagePullPolicy',
          'livenessProbe',
          'name',
          'ports',
          'readinessProbe',
          'resources',
          'securityContext',
          'terminationMessagePath',
          'terminationMessagePolicy',
          'volumeMounts',
        ].map((f) => [`f:${f}`, { '.': {} }]),
      ),
    },
    'f:dnsPolicy': {},
    'f:enableServiceLinks': {},
    'f:restartPolicy': {},
    'f:schedulerName': {},
    'f:securityContext': {},
    'f:terminationGracePeriodSeconds': {},
    'f:topologySpreadConstraints': {},
  },
};

/**
 * A pod as the API serves it (6–8 KB of JSON): the lean synthetic pod plus managedFields, annotations, probes,
 * resources, volumes, tolerations, conditions with timestamps and container statuses. Built per response by the
 * fake API server, so the benchmark's cluster is served at real size without being held at real size.
 */
export function realisticPod(pod: any): any {
  const m = pod.metadata;
  const c = pod.spec.containers[0];
  const t = '2026-11-20T08:14:03Z';
  const owner = m.ownerReferences?.[0];
  const conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
    (type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t }),
  );
  return {
    ...pod,
    metadata: {
      ...m,
      generateName: owner ? `${owner.name}-` : undefined,
      creationTimestamp: t,
      labels: { ...m.labels, 'app.kubernetes.io/name': m.labels?.app, version: 'v1.14.2' },
      annotations: {
        'checksum/config': hex(m.name, 64),
        'kubectl.kubernetes.io/restartedAt': '2026-11-20T08:13:55Z',
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
        'prometheus.io/path': '/metrics',
        'ci.example.com/commit': hex(m.labels?.app ?? '', 40),
        'ci.example.com/pipeline': `https://dev.azure.com/contoso/platform/_build/results?buildId=${m.uid.slice(0, 6)}`,
        'instrumentation.opentelemetry.io/config': JSON.stringify({
          exporter: { endpoint: 'http://otel-collector.observability.svc.cluster.local:4317' },
          sampler: { type: 'parentbased_traceidratio', argument: '0.25' },
          resource: { 'service.name': m.labels?.app, 'service.namespace': m.namespace },
        }),
      },
      ownerReferences: m.ownerReferences?.map((o: any) => ({ ...o, blockOwnerDeletion: true, uid: hex(o.name, 32) })),
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          apiVersion: 'v1',
          time: t,
          fieldsType: 'FieldsV1',
          fieldsV1: CONTROLLER_FIELDS,
        },
        {
          manager: 'kubelet',
          operation: 'Update',
          apiVersion: 'v1',
          time: t,
          fieldsType: 'FieldsV1',
          fieldsV1: KUBELET_FIELDS,
          subresource: 'status',
        },
      ],
    },
    spec: {
      ...pod.spec,
      containers: [
        {
          ...c,
          imagePullPolicy: 'IfNotPresent',
          resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 10,
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 5,
            successThreshold: 1,
            failureThreshold: 3,
          },
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            capabilities: { drop: ['ALL'] },
          },
          volumeMounts: [
            { name: 'config', mountPath: '/etc/app', readOnly: true },
            {
              name: 'kube-api-access-x7k2p',
              readOnly: true,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: `${m.labels?.app}-config`, defaultMode: 420 } },
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
                },
              },
            ],
            defaultMode: 420,
          },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: { runAsUser: 1000, fsGroup: 2000 },
      schedulerName: 'default-scheduler',
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: m.labels?.app } },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      ...pod.status,
      conditions,
      hostIPs: [{ ip: pod.status.hostIP }],
      startTime: t,
      containerStatuses: [
        {
          name: c.name,
          state: { running: { startedAt: t } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: c.image,
          imageID: `${c.image.split(':')[0]}@sha256:${hex(c.image, 64)}`,
          containerID: `containerd://${hex(m.name + 'c', 64)}`,
          started: true,
        },
      ],
      qosClass: 'Burstable',
    },
  };
}
