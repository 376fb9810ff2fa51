// Pod A → Service / FQDN / pod B inside the cluster: name resolution,
// DNAT of the ClusterIP at A's node to a ready endpoint, and no SNAT: the
// server sees A's pod IP. NetworkPolicy verdicts for both ends.
import type { Inventory } from '../inventory/inventory';
import type { Pod, Service, ServicePort } from '../inventory/k8s-types';
import { isHeadless, resolveServiceName } from './dns';
import { endpointsOf, pickServicePort, type Endpoint } from './endpoints';
import { nodeIp, podIp } from './kube';
import { verdict, type Verdict } from './policy';
import { result, type Fact, type FollowUp, type Hop, type PathResult } from './result';
import { Trace } from './trace';

export interface EastWestQuestion {
  from: Pod;
  /** a DNS name (svc, svc.ns, FQDN), a pod, or an IP of a pod or Service */
  to: { name?: string; pod?: Pod; ip?: string };
  port?: number;
  protocol?: string;
  /** the intent to report: east-west, or policy ("can A reach B?") */
  intent?: 'east-west' | 'policy';
}

export async function eastWestPath(inv: Inventory, q: EastWestQuestion, trace = new Trace()): Promise<PathResult> {
  const intent = q.intent ?? 'east-west';
  const protocol = (q.protocol ?? 'TCP').toUpperCase();
  const [pods, services, slices, legacy, nodes, policies, namespaces, cluster] = await Promise.all([
    trace.try('pods', () => inv.list('Pod')),
    trace.try('services', () => inv.list('Service')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
    trace.try('nodes', () => inv.list('Node')),
    trace.try('network policies', () => inv.list('NetworkPolicy')),
    trace.try('namespaces', () => inv.list('Namespace')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const from = q.from;
  const fromNs = from.metadata.namespace ?? 'default';
  const fromIp = podIp(from);
  const fromName = `${fromNs}/${from.metadata.name}`;
  const nodeOf = (name?: string) => (nodes ?? []).find((n) => n.metadata.name === name);
  const fromNode = nodeOf(from.spec?.nodeName);
  const hops: Hop[] = [];
  const facts: Fact[] = [
    {
      label: 'Client',
      value: `${fromName} (${fromIp ?? 'no IP'}) on ${from.spec?.nodeName ?? '?'}`,
    },
  ];
  const warnings: string[] = [];
  const verify: string[] = [`kubectl get pod ${from.metadata.name} -n ${fromNs} -o wide`];
  const followUps: FollowUp[] = [
    {
      title: `Egress of ${from.metadata.name}`,
      question: `egress ${from.metadata.name} -n ${fromNs}`,
      intent: 'egress',
    },
  ];
  const done = (status: PathResult['status'], answer: string, title?: string) =>
    result(intent, status, answer, {
      title,
      hops,
      facts,
      warnings,
      verify,
      followUps,
      errors: trace.errors,
    });

  // what the client connects to
  let service: Service | undefined;
  let servicePort: ServicePort | undefined;
  let target: Endpoint | undefined;
  let endpoints: Endpoint[] = [];
  let dstIp: string | undefined;
  let dstPort = q.port;
  let fqdn: string | undefined;
  let targetPod = q.to.pod;

  if (q.to.name && !targetPod) {
    const dns = resolveServiceName(q.to.name, fromNs, services ?? []);
    if ('error' in dns) return done('not-found', `${from.metadata.name} cannot resolve ${q.to.name}: ${dns.error}.`);
    service = dns.service;
    fqdn = dns.fqdn;
    if (dns.hostname) {
      targetPod = (pods ?? []).find(
        (p) => p.metadata.namespace === service!.metadata.namespace && p.metadata.name === dns.hostname,
      );
      if (!targetPod)
        return done(
          'not-found',
          `${q.to.name}: no pod ${dns.hostname} behind headless Service ${service.metadata.name}.`,
        );
    }
  } else if (q.to.ip && !targetPod) {
    targetPod = (pods ?? []).find((p) => podIp(p) === q.to.ip && !p.spec?.hostNetwork);
    service = targetPod
      ? undefined
      : (services ?? []).find((s) => s.spec?.clusterIP === q.to.ip || (s.spec?.clusterIPs ?? []).includes(q.to.ip!));
    if (!targetPod && !service)
      return done('not-found', `${q.to.ip} is neither a pod IP nor a ClusterIP in this cluster.`);
  }

  hops.push({ kind: 'pod', name: fromName, ip: fromIp, src: fromIp });
  if (service) {
    const svcName = `${service.metadata.namespace}/${service.metadata.name}`;
    const sp = (servicePort = pickServicePort(service, q.port));
    const noSuchPort = q.port !== undefined && !sp;
    if (noSuchPort && !isHeadless(service)) {
      warnings.push(
        `Service ${svcName} has no port ${q.port} (ports: ${(service.spec?.ports ?? []).map((p) => p.port).join(', ')})`,
      );
      return done(
        'answered',
        `${from.metadata.name} cannot reach ${svcName} on port ${q.port}: the Service has no such port (it has ${(service.spec?.ports ?? []).map((p) => p.port).join(', ')}), so the connection to ${service.spec?.clusterIP}:${q.port} fails.`,
        `${service.metadata.name} has no port ${q.port}`,
      );
    }
    endpoints = endpointsOf(service, sp, slices ?? [], legacy ?? [], pods ?? []);
    const ready = endpoints.filter((e) => e.ready);
    if (endpoints.some((e) => !e.ready))
      warnings.push(`${endpoints.length - ready.length} endpoint(s) of ${svcName} are not ready and get no traffic`);
    facts.push({
      label: 'Service',
      value: `${svcName} ${isHeadless(service) ? '(headless)' : (service.spec?.clusterIP ?? '')}${sp ? ` port ${sp.port}/${sp.protocol ?? 'TCP'}` : ''}`,
    });
    verify.push(
      `kubectl get svc ${service.metadata.name} -n ${service.metadata.namespace} -o wide`,
      `kubectl get endpointslices -n ${service.metadata.namespace} -l kubernetes.io/service-name=${service.metadata.name} -o wide`,
    );
    if (!targetPod) {
      if (ready.length === 0) {
        warnings.push(`Service ${svcName} has no ready endpoints: connections to it fail`);
        return done(
          'answered',
          `${svcName} has no ready endpoints: ${from.metadata.name}'s connection has nowhere to go.`,
          `${service.metadata.name} has no ready endpoints`,
        );
      }
      target = ready.find((e) => e.nodeName === from.spec?.nodeName) ?? ready[0];
      targetPod = (pods ?? []).find(
        (p) =>
          p.metadata.namespace === target!.namespace &&
          (p.metadata.name === target!.podName || podIp(p) === target!.ip),
      );
    } else {
      target = endpoints.find((e) => e.podName === targetPod!.metadata.name) ?? {
        ip: podIp(targetPod) ?? '',
        port: sp?.port,
        ready: true,
        namespace: targetPod.metadata.namespace ?? '',
      };
    }
    // a headless Service is only DNS: the client connects to the pod on the port it asked for
    dstPort = noSuchPort ? q.port : (target.port ?? sp?.port);
    if (isHeadless(service)) {
      dstIp = target.ip;
      hops.push({
        kind: 'dns',
        name: fqdn ?? svcName,
        ip: ready.map((e) => e.ip).join(', '),
        note: `headless Service: the name resolves straight to the ready pod IPs (${ready.length})`,
      });
    } else {
      dstIp = service.spec?.clusterIP;
      if (fqdn)
        hops.push({
          kind: 'dns',
          name: fqdn,
          ip: dstIp,
          note: 'resolved by the cluster DNS to the ClusterIP',
        });
      hops.push({
        kind: 'service',
        name: svcName,
        ip: dstIp,
        port: sp?.port,
        src: fromIp,
        dst: dstIp,
        note: 'virtual IP: never on the wire, translated at the client’s node',
      });
    }
  } else if (targetPod) {
    dstIp = podIp(targetPod);
  }
  if (!targetPod) return done('not-found', `Could not find the destination pod.`);
  const toIp = podIp(targetPod);
  const toName = `${targetPod.metadata.namespace}/${targetPod.metadata.name}`;
  const toNode = nodeOf(targetPod.spec?.nodeName);
  const sameNode = from.spec?.nodeName === targetPod.spec?.nodeName;
  const portText = dstPort ? `:${dstPort}` : '';
  const dnat =
    service && !isHeadless(service) ? `DNAT ${dstIp}:${servicePort?.port ?? ''} → ${toIp}${portText}` : undefined;

  hops.push({
    kind: 'node',
    name: from.spec?.nodeName ?? '?',
    ip: fromNode ? nodeIp(fromNode) : undefined,
    src: fromIp,
    dst: dstIp,
    note: dnat ? `${dnat} (EndpointSlice; at the client’s node)` : undefined,
  });
  if (!sameNode)
    hops.push({
      kind: 'node',
      name: targetPod.spec?.nodeName ?? '?',
      ip: toNode ? nodeIp(toNode) : undefined,
      src: fromIp,
      dst: toIp,
      note: `cross-node: ${crossNodeTransport(cluster?.networkPlugin)}, addresses unchanged`,
    });
  hops.push({
    kind: 'pod',
    name: toName,
    ip: toIp,
    port: dstPort,
    src: fromIp,
    dst: toIp,
    note: `sees source ${fromIp}: no SNAT inside the cluster`,
  });
  facts.push(
    {
      label: 'Server',
      value: `${toName} (${toIp}${portText}) on ${targetPod.spec?.nodeName ?? '?'}`,
    },
    { label: 'Nodes', value: sameNode ? 'same node' : 'different nodes' },
  );
  if (endpoints.filter((e) => e.ready).length > 1)
    facts.push({
      label: 'Endpoints',
      value: endpoints
        .filter((e) => e.ready)
        .map((e) => `${e.ip}${e.port ? ':' + e.port : ''}`)
        .join(', '),
    });
  verify.push(`kubectl get pod ${targetPod.metadata.name} -n ${targetPod.metadata.namespace} -o wide`);

  // NetworkPolicy verdicts: egress at the client, ingress at the server
  const eg = verdict(
    'Egress',
    from,
    { pod: targetPod, ip: toIp ?? '' },
    dstPort,
    protocol,
    policies ?? [],
    namespaces ?? [],
    targetPod,
  );
  const ing = verdict(
    'Ingress',
    targetPod,
    { pod: from, ip: fromIp ?? '' },
    dstPort,
    protocol,
    policies ?? [],
    namespaces ?? [],
  );
  const denied = [eg, ing].filter((v) => !v.allowed);
  for (const v of denied) warnings.push(`NetworkPolicy ${v.reason}`);
  facts.push({ label: 'Policy', value: policyText(eg, ing) });
  if ((policies ?? []).length) verify.push(`kubectl get networkpolicy -n ${targetPod.metadata.namespace} -o yaml`);

  const via =
    service && !isHeadless(service)
      ? ` through Service ${service.metadata.name} (${dstIp}${servicePort ? ':' + servicePort.port : ''}, DNATed at ${from.spec?.nodeName})`
      : '';
  const verdictText = denied.length
    ? ` But it is ${denied.map((v) => v.reason).join('; and ')}.`
    : policyText(eg, ing) === 'allowed (no NetworkPolicy applies)'
      ? ''
      : ` ${capital(policyText(eg, ing))}.`;
  const answer =
    intent === 'policy'
      ? denied.length
        ? `No: ${fromName} cannot reach ${toName}${portText ? ` on ${protocol.toLowerCase()}${portText}` : ''} — ${denied.map((v) => v.reason).join('; ')}.`
        : `Yes: ${fromName} can reach ${toName}${portText ? ` on ${protocol.toLowerCase()}${portText}` : ''} — ${policyText(eg, ing)}.`
      : `${targetPod.metadata.name} sees ${fromIp} (the pod IP of ${from.metadata.name}) as source: no SNAT inside the cluster. ${from.metadata.name} connects${via} to ${toIp}${portText}${sameNode ? ' on the same node' : ` on node ${targetPod.spec?.nodeName}`}.${verdictText}`;
  return done(
    'answered',
    answer.replace(/\.\./g, '.'),
    intent === 'policy'
      ? denied.length
        ? `Denied: ${from.metadata.name} → ${targetPod.metadata.name}`
        : `Allowed: ${from.metadata.name} → ${targetPod.metadata.name}`
      : `${targetPod.metadata.name} sees ${fromIp}`,
  );
}

/** How a pod-to-pod packet crosses nodes, by network plugin. */
function crossNodeTransport(plugin?: string): string {
  const p = (plugin ?? '').toLowerCase();
  if (p === 'kubenet') return 'routed by the subnet’s route table (kubenet: one route per node pod range)';
  if (p === 'azure') return 'routed by the VNet (Azure CNI: pod IPs are VNet addresses)';
  if (p === 'ovnkubernetes' || p === 'openshiftsdn')
    return `carried by the ${p === 'ovnkubernetes' ? 'OVN-Kubernetes Geneve' : 'openshift-sdn VXLAN'} overlay`;
  return 'carried by the cluster network';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function policyText(eg: Verdict, ing: Verdict): string {
  if (eg.allowed && ing.allowed && !eg.policies.length && !ing.policies.length)
    return 'allowed (no NetworkPolicy applies)';
  if (eg.allowed && ing.allowed)
    return `allowed by ${[...eg.policies, ...ing.policies].map((p) => `NetworkPolicy ${p}`).join(' and ')}`;
  return `denied (${[eg, ing]
    .filter((v) => !v.allowed)
    .map((v) => v.direction.toLowerCase())
    .join(' and ')})`;
}
