// Internet (or VNet) → pod: DNS → frontend IP → Azure LB rule (floating IP)
// → node → router / ingress controller (a reverse proxy: new connection) or
// straight to an endpoint (LoadBalancer Service) → pod, with the source the
// pod sees at every step.
import type { Inventory } from '../inventory/inventory';
import type { Ingress, Pod, Route, Service } from '../inventory/k8s-types';
import { endpointsOf, pickServicePort, type Endpoint } from './endpoints';
import { frontendForIp, isInternalService, lbIngressIps, lbWorld, rulesOf } from './lb';
import { nodeIp, podIp } from './kube';
import { result, type Fact, type FollowUp, type Hop, type PathResult } from './result';
import { Trace } from './trace';

export interface InboundQuestion {
  route?: Route;
  ingress?: Ingress;
  service?: Service;
  /** the host asked about, when the question named one */
  host?: string;
  clientIp?: string;
}

interface World {
  pods: Pod[];
  services: Service[];
  endpoints: (svc: Service, port?: number | string) => Endpoint[];
}

const CLIENT = 'client';

export async function inboundPath(inv: Inventory, q: InboundQuestion, trace = new Trace()): Promise<PathResult> {
  const [pods, services, slices, legacy, nodes, cluster] = await Promise.all([
    trace.try('pods', () => inv.list('Pod')),
    trace.try('services', () => inv.list('Service')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
    trace.try('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const w: World = {
    pods: pods ?? [],
    services: services ?? [],
    endpoints: (svc, port) => endpointsOf(svc, pickServicePort(svc, port), slices ?? [], legacy ?? [], pods ?? []),
  };
  const hops: Hop[] = [];
  const facts: Fact[] = [];
  const warnings: string[] = [];
  const verify: string[] = [];
  const followUps: FollowUp[] = [];
  const client = q.clientIp;
  const done = (answer: string, title?: string, status: PathResult['status'] = 'answered') =>
    result('inbound', status, answer, {
      title,
      hops,
      facts,
      warnings,
      verify,
      followUps,
      errors: trace.errors,
    });
  const nodeByName = (n?: string) => (nodes ?? []).find((x) => x.metadata.name === n);

  // ---- which front door: the router (route), the ingress controller (ingress) or the Service itself
  let frontService: Service | undefined;
  let proxy:
    | {
        kind: 'router' | 'ingress-controller';
        headers: boolean;
        backend: Service;
        backendPort?: number | string;
        tls: string;
      }
    | undefined;
  let host = q.host;
  if (q.route) {
    const r = q.route;
    host ??= r.spec?.host;
    const routerName = r.status?.ingress?.[0]?.routerName ?? 'default';
    frontService = w.services.find(
      (s) => s.metadata.namespace === 'openshift-ingress' && s.metadata.name === `router-${routerName}`,
    );
    const backend = w.services.find(
      (s) => s.metadata.namespace === r.metadata.namespace && s.metadata.name === r.spec?.to?.name,
    );
    if (!backend)
      return done(
        `Route ${r.metadata.namespace}/${r.metadata.name} points at Service ${r.spec?.to?.name}, which does not exist: the router answers 503.`,
        undefined,
        'answered',
      );
    const tls = r.spec?.tls?.termination ?? 'none';
    proxy = {
      kind: 'router',
      headers: tls !== 'passthrough',
      backend,
      backendPort: r.spec?.port?.targetPort,
      tls,
    };
    facts.push({
      label: 'Route',
      value: `${r.metadata.namespace}/${r.metadata.name} → service ${backend.metadata.name}${r.spec?.port ? ':' + r.spec.port.targetPort : ''}, TLS ${tls}`,
    });
    verify.push(`kubectl get route ${r.metadata.name} -n ${r.metadata.namespace} -o wide`);
    if (!frontService) {
      trace.fail(`router Service router-${routerName}`, 'not found in namespace openshift-ingress');
    }
  } else if (q.ingress) {
    const ing = q.ingress;
    const rule = ing.spec?.rules?.find((x) => !host || x.host === host) ?? ing.spec?.rules?.[0];
    host ??= rule?.host;
    const be = rule?.http?.paths?.[0]?.backend?.service;
    const backend = w.services.find(
      (s) => s.metadata.namespace === ing.metadata.namespace && s.metadata.name === be?.name,
    );
    if (!backend)
      return done(
        `Ingress ${ing.metadata.namespace}/${ing.metadata.name} points at Service ${be?.name ?? '(none)'}, which does not exist.`,
      );
    const ingIps = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip);
    frontService =
      w.services.find((s) => s.spec?.type === 'LoadBalancer' && lbIngressIps(s).some((ip) => ingIps.includes(ip))) ??
      w.services.find(
        (s) =>
          s.spec?.type === 'LoadBalancer' &&
          /ingress/.test(`${s.metadata.namespace}/${s.metadata.name}`) &&
          (!ing.spec?.ingressClassName ||
            `${s.metadata.namespace}/${s.metadata.name}`.includes(ing.spec.ingressClassName.split('-')[0])),
      );
    const tls = (ing.spec?.tls ?? []).some((t) => (t.hosts ?? []).includes(host ?? '')) ? 'edge' : 'none';
    proxy = {
      kind: 'ingress-controller',
      headers: true,
      backend,
      backendPort: be?.port?.number ?? be?.port?.name,
      tls,
    };
    facts.push({
      label: 'Ingress',
      value: `${ing.metadata.namespace}/${ing.metadata.name} (${ing.spec?.ingressClassName ?? 'default class'}) → service ${backend.metadata.name}`,
    });
    verify.push(`kubectl get ingress ${ing.metadata.name} -n ${ing.metadata.namespace} -o wide`);
    if (!frontService)
      trace.fail(
        'ingress controller Service',
        `no LoadBalancer Service carries the Ingress address ${ingIps.join(', ') || '(none yet)'}`,
      );
  } else if (q.service) {
    frontService = q.service;
    if (frontService.spec?.type !== 'LoadBalancer') {
      const n = `${frontService.metadata.namespace}/${frontService.metadata.name}`;
      return done(
        `Service ${n} is of type ${frontService.spec?.type ?? 'ClusterIP'}: nothing outside the cluster reaches it directly. Expose it with a Route/Ingress or a LoadBalancer Service; from inside, pods reach it at ${frontService.spec?.clusterIP}.`,
        `${frontService.metadata.name} is not exposed`,
      );
    }
  }
  if (!frontService)
    return done(`Could not find how traffic enters: the front Service is unknown.`, undefined, 'answered');

  // ---- the Azure side: the Service's frontend IP → LB frontend and rule
  const fsName = `${frontService.metadata.namespace}/${frontService.metadata.name}`;
  const internal = isInternalService(frontService);
  const entryIps = lbIngressIps(frontService);
  const entryIp = entryIps[0];
  const tlsPort = proxy && proxy.tls !== 'none' ? 443 : 80;
  const svcPort = proxy
    ? (pickServicePort(frontService, tlsPort === 443 ? 'https' : 'http') ?? pickServicePort(frontService, tlsPort))
    : pickServicePort(frontService);
  const port = svcPort?.port;
  const src0 = client ?? CLIENT;
  hops.push({
    kind: 'client',
    name: client ?? (internal ? 'client in the VNet' : 'Internet client'),
    ip: client,
    src: client,
    dst: host ?? entryIp,
  });
  if (host) {
    const appsDomain = cluster?.appsDomain;
    const wildcard = appsDomain && host.endsWith('.' + appsDomain) ? `*.${appsDomain}` : undefined;
    hops.push({
      kind: 'dns',
      name: host,
      ip: entryIp,
      note: wildcard
        ? `wildcard record ${wildcard} → ${fsName}’s external IP`
        : `the host needs a DNS record pointing at ${entryIp ?? fsName}`,
    });
    verify.push(`nslookup ${host}`);
  }
  if (!entryIp) {
    warnings.push(
      `${fsName} has no external IP yet (status.loadBalancer.ingress is empty): the cloud provider has not provisioned its frontend`,
    );
    return done(`${fsName} has no external IP yet, so nothing reaches it from outside.`, 'No external IP yet');
  }
  verify.push(`kubectl get svc ${frontService.metadata.name} -n ${frontService.metadata.namespace} -o wide`);

  const world = await lbWorld(inv, trace);
  const hit = await frontendForIp(inv, world, entryIp, trace, frontService);
  const rule = hit
    ? (rulesOf(hit.lb, hit.frontend).find((r) => r.frontendPort === port) ?? rulesOf(hit.lb, hit.frontend)[0])
    : undefined;
  if (hit?.publicIp)
    hops.push({
      kind: 'public-ip',
      name: hit.publicIp.name,
      ip: entryIp,
      port,
      src: src0,
      dst: entryIp,
    });
  if (hit) {
    hops.push({
      kind: 'load-balancer',
      name: hit.lb.name,
      ip: entryIp,
      port,
      src: src0,
      dst: entryIp,
      note: rule
        ? `rule ${rule.name}: ${rule.protocol.toUpperCase()} ${rule.frontendPort} → backend ${rule.backendPort}${rule.floatingIp ? ', floating IP: destination stays ' + entryIp : ''}`
        : `frontend ${hit.frontend.name}: no rule for port ${port}`,
    });
    facts.push({
      label: 'Load balancer',
      value: `${hit.lb.name} (${internal ? 'internal' : 'public'}), frontend ${hit.frontend.name}`,
    });
    if (rule)
      facts.push({
        label: 'LB rule',
        value: `${rule.name} (floating IP ${rule.floatingIp ? 'on' : 'off'})`,
      });
    verify.push(`az network lb rule list --lb-name ${hit.lb.name} -g ${hit.lb.resourceGroup} -o table`);
    if (hit.publicIp)
      verify.push(
        `az network public-ip show -g ${hit.publicIp.resourceGroup} -n ${hit.publicIp.name} --query ipAddress -o tsv`,
      );
    if (!rule)
      warnings.push(
        `No load-balancing rule on ${hit.lb.name} for ${entryIp}:${port}: the packet is dropped at the load balancer`,
      );
  } else if (!trace.errors.length) {
    trace.fail(
      `load balancer frontend for ${entryIp}`,
      `no load balancer frontend in the node resource group carries ${entryIp}`,
    );
  }

  // ---- node and the front Service's endpoints (router / controller / app pods)
  const etpLocal = frontService.spec?.externalTrafficPolicy === 'Local';
  const frontEps = w.endpoints(frontService, svcPort?.name ?? port).filter((e) => e.ready);
  if (frontEps.length === 0) {
    warnings.push(`${fsName} has no ready endpoints: the load balancer has nowhere to send traffic`);
    return done(
      `Traffic for ${entryIp}:${port} reaches ${hit?.lb.name ?? 'the load balancer'} but ${fsName} has no ready endpoints.`,
      'No ready endpoints',
    );
  }
  const first = frontEps[0];
  const frontPod = w.pods.find(
    (p) => p.metadata.namespace === first.namespace && (p.metadata.name === first.podName || podIp(p) === first.ip),
  );
  const node = nodeByName(first.nodeName ?? frontPod?.spec?.nodeName);
  const nIp = node ? nodeIp(node) : undefined;
  const seenAtFront = etpLocal ? src0 : (nIp ?? 'node IP');
  hops.push({
    kind: 'node',
    name: node?.metadata.name ?? '?',
    ip: nIp,
    port: svcPort?.nodePort,
    src: src0,
    dst: entryIp,
    note: etpLocal
      ? `externalTrafficPolicy Local: only nodes with a ready endpoint pass the health probe${frontService.spec?.healthCheckNodePort ? ` (healthCheckNodePort ${frontService.spec.healthCheckNodePort})` : ''}; DNAT ${entryIp}:${port} → ${first.ip}:${first.port}, client IP kept`
      : `externalTrafficPolicy Cluster: any node accepts; SNAT to the node IP, DNAT ${entryIp}:${port} → ${first.ip}:${first.port}`,
  });
  facts.push({
    label: 'Traffic policy',
    value: `externalTrafficPolicy ${frontService.spec?.externalTrafficPolicy ?? 'Cluster'}`,
  });

  if (!proxy) {
    const appPod = frontPod;
    hops.push({
      kind: 'pod',
      name: `${first.namespace}/${first.podName ?? first.ip}`,
      ip: first.ip,
      port: first.port,
      src: seenAtFront,
      dst: first.ip,
      note: etpLocal ? 'sees the client IP' : `sees the node IP ${nIp}, not the client`,
    });
    if (frontEps.length > 1)
      facts.push({
        label: 'Endpoints',
        value: frontEps.map((e) => `${e.podName ?? e.ip} (${e.ip})`).join(', '),
      });
    if (!etpLocal)
      warnings.push(
        `externalTrafficPolicy Cluster: ${appPod?.metadata.name ?? 'the pod'} sees the node IP, not the client IP; set Local to keep client IPs`,
      );
    verify.push(
      `kubectl get endpointslices -n ${frontService.metadata.namespace} -l kubernetes.io/service-name=${frontService.metadata.name} -o wide`,
    );
    return done(
      `Traffic reaches ${fsName} at ${entryIp}:${port} (${internal ? 'internal' : 'public'} frontend of load balancer ${hit?.lb.name ?? '?'}${rule ? `, rule ${rule.name}` : ''}), lands on a node and is DNATed to ${first.podName ?? first.ip} (${first.ip}:${first.port}); the pod sees ${etpLocal ? 'the client IP' : 'the node IP as source (SNAT)'}.`,
      `${frontService.metadata.name}: ${entryIp}:${port} → ${first.podName ?? first.ip}`,
    );
  }

  // ---- proxy: router / ingress controller opens a new connection to an endpoint pod
  const proxyIp = frontPod?.spec?.hostNetwork ? nIp : first.ip;
  hops.push({
    kind: proxy.kind,
    name: `${first.namespace}/${first.podName ?? first.ip}`,
    ip: first.ip,
    port: first.port,
    src: seenAtFront,
    dst: first.ip,
    note: `${proxy.kind === 'router' ? 'HAProxy' : 'ingress controller'} ${proxy.tls === 'passthrough' ? 'passes TLS through (TCP proxy)' : proxy.tls === 'none' ? 'proxies HTTP' : `terminates TLS (${proxy.tls})`} and opens a new connection to the pod${frontPod?.spec?.hostNetwork ? ' from the node IP (host network)' : ''}`,
  });
  if (frontEps.length > 1)
    facts.push({
      label: proxy.kind === 'router' ? 'Router pods' : 'Controller pods',
      value: frontEps.map((e) => `${e.podName ?? e.ip} (${e.ip})`).join(', '),
    });
  verify.push(`kubectl get pods -n ${frontService.metadata.namespace} -o wide`);
  const be = proxy.backend;
  const beEps = w.endpoints(be, proxy.backendPort).filter((e) => e.ready);
  if (beEps.length === 0) {
    warnings.push(
      `Service ${be.metadata.namespace}/${be.metadata.name} has no ready endpoints: the ${proxy.kind === 'router' ? 'router' : 'controller'} answers 503`,
    );
    return done(
      `Traffic reaches the ${proxy.kind === 'router' ? 'router' : 'ingress controller'} but Service ${be.metadata.name} has no ready endpoints (503).`,
      'No ready endpoints (503)',
    );
  }
  const app = beEps[0];
  const header = proxy.headers
    ? `; the client IP${etpLocal ? '' : ' (here already the node IP)'} travels in X-Forwarded-For / Forwarded`
    : '; passthrough: no X-Forwarded-For header, the client IP is lost';
  hops.push({
    kind: 'pod',
    name: `${app.namespace}/${app.podName ?? app.ip}`,
    ip: app.ip,
    port: app.port,
    src: proxyIp,
    dst: app.ip,
    note: `sees the ${proxy.kind === 'router' ? 'router' : 'controller'} pod IP ${proxyIp}${header}`,
  });
  facts.push({
    label: 'Backend',
    value: `service ${be.metadata.name} → ${beEps.map((e) => `${e.podName ?? e.ip} (${e.ip}:${e.port})`).join(', ')}`,
  });
  verify.push(
    `kubectl get endpointslices -n ${be.metadata.namespace} -l kubernetes.io/service-name=${be.metadata.name} -o wide`,
  );
  if (!proxy.headers)
    warnings.push('passthrough route: the application never learns the client IP (no X-Forwarded-For)');
  if (!etpLocal)
    warnings.push(
      `externalTrafficPolicy Cluster on ${fsName}: the ${proxy.kind === 'router' ? 'router' : 'controller'} itself sees node IPs, so X-Forwarded-For holds a node IP, not the client`,
    );
  const who = q.route ? `route ${q.route.metadata.name}` : q.ingress ? `ingress ${q.ingress.metadata.name}` : fsName;
  if (app.podName) {
    followUps.push(
      {
        title: `Egress of ${app.podName}`,
        question: `egress ${app.podName} -n ${app.namespace}`,
        intent: 'egress',
      },
      {
        title: `Can the ${proxy.kind === 'router' ? 'router' : 'controller'} reach it?`,
        question: `can ${first.podName} -n ${first.namespace} reach ${app.namespace}/${app.podName}`,
        intent: 'policy',
      },
    );
  }
  return done(
    `${host ?? who} resolves to ${entryIp}${hit ? ` (${hit.publicIp ? 'public IP ' + hit.publicIp.name : 'frontend ' + hit.frontend.name} on load balancer ${hit.lb.name}${rule ? ', rule ' + rule.name : ''})` : ''}; the packet reaches ${proxy.kind === 'router' ? 'a router' : 'an ingress controller'} pod (${frontEps.map((e) => e.podName ?? e.ip).join(' or ')}), which opens a new connection to ${app.podName ?? app.ip} (${app.ip}:${app.port}). The pod sees the ${proxy.kind === 'router' ? 'router' : 'controller'} pod IP ${proxyIp} as source${proxy.headers ? ', and the client IP in X-Forwarded-For' : ' and no X-Forwarded-For (passthrough)'}.`,
    `${host ?? who} → ${entryIp} → ${proxy.kind === 'router' ? 'router' : 'ingress controller'} → ${app.podName ?? app.ip}`,
  );
}
