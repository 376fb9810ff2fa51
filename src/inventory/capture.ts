// `packet-path capture DIR`: write what an inventory knows as a snapshot
// folder (plain kubectl/az JSON), with secrets stripped: no Secret objects,
// env values that look secret replaced, annotations that may carry tokens
// or whole manifests dropped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AzureKind } from './azure-model';
import { idKey, parentId, resourceGroupId, vmIdFromProviderId } from './ids';
import type { Inventory } from './inventory';
import { KUBE_KINDS, type KubeKind, type KubeObject } from './k8s-types';
import { apiVersionOf } from './kubernetes';
import { looksSecret, looksSecretValue } from '../secrets';

const RISKY_ANNOTATION = /last-applied-configuration|token|secret|password|credential|key/i;

/** A copy of a Kubernetes object safe to write down. */
export function scrub<T extends KubeObject>(o: T): T {
  const c = JSON.parse(JSON.stringify(o)) as T & {
    spec?: {
      containers?: { env?: { name: string; value?: string }[] }[];
      initContainers?: { env?: { name: string; value?: string }[] }[];
    };
  };
  const ann = c.metadata.annotations;
  if (ann) for (const k of Object.keys(ann)) if (RISKY_ANNOTATION.test(k) || looksSecretValue(ann[k])) delete ann[k];
  delete (c.metadata as { managedFields?: unknown }).managedFields;
  for (const ct of [...(c.spec?.containers ?? []), ...(c.spec?.initContainers ?? [])]) {
    for (const e of ct.env ?? [])
      if (e.value !== undefined && looksSecret(e.name, e.value)) e.value = '(redacted by packet-path capture)';
  }
  return c;
}

const FILES: Record<KubeKind, string> = {
  Pod: 'pods',
  Service: 'services',
  EndpointSlice: 'endpointslices',
  Endpoints: 'endpoints',
  Node: 'nodes',
  Namespace: 'namespaces',
  Route: 'routes',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
  EgressIP: 'egressips',
};

export interface CaptureSummary {
  files: string[];
  failures: { lookup: string; reason: string }[];
}

/** Raw Azure resources by kind and scope (the live adapter's SDK objects). */
export interface RawAzure {
  rawList(kind: AzureKind, scope: string): Promise<unknown[]>;
  rawGet(kind: AzureKind, id: string): Promise<unknown | undefined>;
  rawVmssNics?(vmId: string): Promise<unknown[]>;
}

export async function capture(inv: Inventory, raw: RawAzure, dir: string): Promise<CaptureSummary> {
  const files: string[] = [];
  const failures: CaptureSummary['failures'] = [];
  const write = (file: string, doc: unknown) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), JSON.stringify(doc, null, 2) + '\n');
    files.push(file);
  };
  const attempt = async <T>(lookup: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      failures.push({
        lookup,
        reason: (e as { reason?: string }).reason ?? (e as Error).message,
      });
      return undefined;
    }
  };

  for (const kind of KUBE_KINDS) {
    const items = await attempt(`${kind}s`, () => inv.list(kind));
    // list items from the API carry no kind/apiVersion; `kubectl get -o json` output does
    if (items?.length)
      write(`kubernetes/${FILES[kind]}.json`, {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion: '' },
        items: items.map((o) => scrub({ ...o, kind, apiVersion: o.apiVersion ?? apiVersionOf(kind) })),
      });
  }

  // Azure: the node resource groups (from providerIDs), the VNets' groups, and what subnets reference
  const nodes = (await attempt('Nodes', () => inv.list('Node'))) ?? [];
  const vms = nodes.map((n) => vmIdFromProviderId(n.spec?.providerID)).filter((x): x is string => !!x);
  const groups = [...new Map(vms.map((v) => [idKey(resourceGroupId(v)), resourceGroupId(v)])).values()];
  const dump = async (file: string, kind: AzureKind, scope: string) => {
    const items = await attempt(`${kind} in ${scope}`, () => raw.rawList(kind, scope));
    if (items?.length) write(file, items);
    return items ?? [];
  };
  const nics: unknown[] = [];
  for (const [i, g] of groups.entries()) {
    await dump(`azure/load-balancers-${i}.json`, 'loadBalancer', g);
    await dump(`azure/public-ips-${i}.json`, 'publicIp', g);
    nics.push(...(await dump(`azure/network-interfaces-${i}.json`, 'nic', g)));
  }
  const vmssNics: unknown[] = [];
  for (const vm of vms.filter((v) => /virtualMachineScaleSets/i.test(v))) {
    if (raw.rawVmssNics)
      vmssNics.push(...((await attempt(`network interfaces of ${vm}`, () => raw.rawVmssNics!(vm))) ?? []));
  }
  if (vmssNics.length) write('azure/vmss-network-interfaces.json', vmssNics);
  const subnetIds = new Set<string>();
  for (const n of [...nics, ...vmssNics] as {
    ipConfigurations?: { subnet?: { id?: string } }[];
  }[])
    for (const c of n.ipConfigurations ?? []) if (c.subnet?.id) subnetIds.add(c.subnet.id);
  const vnetIds = [...new Map([...subnetIds].map((s) => [idKey(parentId(s)), parentId(s)])).values()];
  const vnets = (
    await Promise.all(vnetIds.map((id) => attempt(`virtual network ${id}`, () => raw.rawGet('virtualNetwork', id))))
  ).filter(Boolean) as {
    subnets?: { natGateway?: { id?: string }; routeTable?: { id?: string } }[];
  }[];
  if (vnets.length) write('azure/virtual-networks.json', vnets);
  const refs = (key: 'natGateway' | 'routeTable') => [
    ...new Set(vnets.flatMap((v) => (v.subnets ?? []).map((s) => s[key]?.id)).filter((x): x is string => !!x)),
  ];
  const natGateways = (
    await Promise.all(refs('natGateway').map((id) => attempt(`NAT gateway ${id}`, () => raw.rawGet('natGateway', id))))
  ).filter(Boolean) as { publicIpAddresses?: { id: string }[] }[];
  if (natGateways.length) write('azure/nat-gateways.json', natGateways);
  const routeTables = (
    await Promise.all(refs('routeTable').map((id) => attempt(`route table ${id}`, () => raw.rawGet('routeTable', id))))
  ).filter(Boolean);
  if (routeTables.length) write('azure/route-tables.json', routeTables);
  if (routeTables.length) {
    const subs = [...new Set(groups.map((g) => g.split('/').slice(0, 3).join('/')))];
    const firewalls = (
      await Promise.all(subs.map((s) => attempt(`Azure firewalls in ${s}`, () => raw.rawList('firewall', s))))
    )
      .flat()
      .filter(Boolean) as {
      ipConfigurations?: { publicIPAddress?: { id: string } }[];
    }[];
    if (firewalls.length) write('azure/firewalls.json', firewalls);
    const fwIps = firewalls
      .flatMap((f) => (f.ipConfigurations ?? []).map((c) => c.publicIPAddress?.id))
      .filter((x): x is string => !!x);
    const pips = (
      await Promise.all(fwIps.map((id) => attempt(`public IP ${id}`, () => raw.rawGet('publicIp', id))))
    ).filter(Boolean);
    if (pips.length) write('azure/firewall-public-ips.json', pips);
  }
  const natIps = natGateways.flatMap((n) => (n.publicIpAddresses ?? []).map((p) => p.id));
  const natPips = (
    await Promise.all(natIps.map((id) => attempt(`public IP ${id}`, () => raw.rawGet('publicIp', id))))
  ).filter(Boolean);
  if (natPips.length) write('azure/nat-gateway-public-ips.json', natPips);
  return { files, failures };
}
