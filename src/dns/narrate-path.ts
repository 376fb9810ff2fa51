// A DNS path in words and hops: pod → cluster DNS Service → DNS pods → upstream,
// with the source each one sees, and what to run to check it.
import type { Fact, Hop, PathResult } from '../path/result';
import { result } from '../path/result';
import { AZURE_DNS, lookupOrder, type DnsAnswer } from '../path/dns';
import { sourceIps } from '../path/egress-rules';
import { fullName } from '../path/kube';
import type { DnsPathDecision, ServedHost, Upstream } from './decide-path';

type D = DnsPathDecision;

const kubectl = (d: D) => (d.platform === 'aro' ? 'oc' : 'kubectl');
const dnsName = (d: D) => (d.platform === 'aro' ? 'OpenShift DNS' : d.platform === 'aks' ? 'CoreDNS' : 'cluster DNS');

function upstreamText(u: Upstream): string {
  const servers = u.servers.join(', ');
  if (u.from === 'nic') return `the DNS servers set on the node's NIC ${u.nic ?? ''} (${servers})`;
  if (u.from === 'vnet') return `the custom DNS servers of VNet ${u.vnet ?? ''} (${servers})`;
  if (u.from === 'azure') return `Azure DNS ${AZURE_DNS} (VNet ${u.vnet ?? ''} sets no custom DNS servers)`;
  return `Azure DNS ${AZURE_DNS} unless the VNet sets custom DNS servers (the VNet could not be read)`;
}

const seenText = (d: D): string => {
  const ips = sourceIps(d.upstreamSees);
  if (!ips.length) return 'an address I cannot tell (unknown network plugin)';
  const kind = d.upstreamSees.kind === 'node' ? 'node IP' : 'pod IP';
  const sender = d.conf?.via === 'node' ? undefined : d.dns?.pods.filter((p) => p.ready);
  // each DNS pod forwards from its own node: name the one the address is of when there are several
  return sender && sender.length > 1 ? `its ${kind} (${ips[0]} from ${sender[0].name})` : `the ${kind} ${ips[0]}`;
};

function podHop(d: D): Hop[] {
  if (!d.pod || !d.conf) return [];
  const c = d.conf;
  const first =
    c.via === 'cluster'
      ? (d.dns?.ip ?? d.kubeletDns)
      : c.via === 'custom'
        ? c.extraNameservers[0]
        : d.upstream.servers[0];
  const src = d.pod.spec?.hostNetwork ? d.podNodeIp : d.podIp;
  const policy = `dnsPolicy ${c.policy}${c.hostNetFallback ? ' on hostNetwork: falls back to Default' : ''}`;
  const search = c.searches.length ? `, search ${c.searches.join(' ')}` : '';
  return [
    {
      kind: 'pod',
      name: fullName(d.pod),
      ip: d.podIp,
      src,
      dst: first,
      note: `${policy}${search}, ndots:${c.ndots}`,
    },
  ];
}

function clusterHops(d: D): Hop[] {
  if (!d.dns || (d.conf && d.conf.via !== 'cluster')) return [];
  const { service, ip, pods } = d.dns;
  const ready = pods.filter((p) => p.ready);
  const list = ready.map((p) => `${p.name} ${p.ip}${p.node ? ` on ${p.node}` : ''}`).join('; ');
  const to = ready.map((p) => p.ip).join(', ');
  // a ClusterIP is translated to one ready endpoint by kube-proxy / OVN-Kubernetes; pod to pod keeps the source
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
  return [
    {
      kind: 'service',
      name: fullName(service),
      ip,
      port: 53,
      src: d.dnsPodsSee,
      dst: ip,
      note: 'the cluster DNS Service: each query goes to one of its ready pods',
      ...(to ? { nat: { kind: 'dnat' as const, from: ip, to } } : {}),
    },
    {
      kind: 'pod',
      name: `${fullName(service)} pods (${ready.length} ready)`,
      ip: ready[0]?.ip,
      port: 53,
      src: d.dnsPodsSee,
      dst: ready[0]?.ip,
      note: `${list || 'no ready DNS pod'}: they answer cluster.local names themselves and forward the rest upstream`,
    },
  ];
}

function upstreamHop(d: D): Hop[] {
  if (d.conf?.via === 'custom') return [];
  const seen = sourceIps(d.upstreamSees)[0];
  const sender = d.conf?.via === 'node' ? d.podIp : d.dns?.pods.find((p) => p.ready)?.ip;
  const server = d.upstream.servers[0];
  // 168.63.129.16 is a virtual IP of the host node, not subject to user-defined routes
  // https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
  const azure = server === AZURE_DNS ? ': a virtual IP of the host, reached without UDRs, firewalls or NAT' : '';
  const nat =
    d.upstreamSees.kind === 'node' && seen && sender && seen !== sender
      ? { nat: { kind: 'snat' as const, from: sender, to: seen } }
      : {};
  return [
    {
      kind: 'dns',
      name:
        server === AZURE_DNS && d.upstream.from !== 'nic' && d.upstream.from !== 'vnet' ? 'Azure DNS' : 'upstream DNS',
      ip: server,
      port: 53,
      src: seen,
      dst: server,
      note: `${upstreamText(d.upstream)}${azure}`,
      ...nat,
    },
  ];
}

function customHop(d: D): Hop[] {
  if (d.conf?.via !== 'custom') return [];
  return d.conf.extraNameservers.map((ip) => ({
    kind: 'dns' as const,
    name: 'dnsConfig nameserver',
    ip,
    port: 53,
    dst: ip,
  }));
}

function facts(d: D): Fact[] {
  const out: Fact[] = [];
  if (d.conf) {
    const c = d.conf;
    out.push({ label: 'dnsPolicy', value: c.said ? c.policy : `${c.policy} (the default)` });
    const ns =
      c.via === 'cluster'
        ? [d.dns?.ip ?? d.kubeletDns ?? '?', ...c.extraNameservers]
        : c.via === 'node'
          ? d.upstream.servers
          : c.extraNameservers;
    out.push({ label: 'nameserver', value: ns.join(', ') || 'none' });
    if (c.searches.length) out.push({ label: 'search', value: c.searches.join(' ') });
    out.push({ label: 'ndots', value: String(c.ndots) });
  }
  if (d.dns) {
    out.push({ label: 'cluster DNS', value: `${fullName(d.dns.service)} ${d.dns.ip}` });
    out.push({
      label: 'DNS pods',
      value: d.dns.pods.map((p) => `${p.name} (${p.ip}${p.node ? `, ${p.node}` : ''})`).join(', ') || 'none',
    });
  }
  // dnsPolicy None never reaches the node's upstream
  if (d.conf?.via !== 'custom') {
    out.push({ label: 'upstream', value: `${d.upstream.servers.join(', ')} (${d.upstream.from})` });
    out.push({ label: 'upstream sees', value: sourceIps(d.upstreamSees).join(', ') || 'unknown' });
  }
  return out;
}

// the replicas of one workload share its pod template, so its dnsPolicy and dnsConfig: one resolver path
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
function replicasLine(d: D): string | undefined {
  if (!d.replicas || !d.pod) return undefined;
  const { workload, pods } = d.replicas;
  return (
    `All ${pods.length} replicas of ${workload} (${pods.join(', ')}) share one pod template, so one resolver: ` +
    `this is ${d.pod.metadata.name}'s path.`
  );
}

export function narratePath(d: D): PathResult {
  const hops = [...podHop(d), ...clusterHops(d), ...upstreamHop(d), ...customHop(d)];
  const answer = [replicasLine(d), pastedLine(d), clusterNameLine(d), mainLine(d), outsideLine(d)]
    .filter(Boolean)
    .join(' ');
  const who = d.pod ? d.pod.metadata.name : 'the cluster';
  // the name asked about is no Service of the cluster: the cluster DNS answers NXDOMAIN for it, so the name is not
  // found, whatever the resolver path around it
  return result('dns', d.clusterName?.missing ? 'not-found' : 'answered', answer, {
    title: `DNS path of ${who}${d.outside ? ` for ${d.outside.name}` : ''}`,
    hops,
    facts: facts(d),
    warnings: warnings(d),
    verify: verify(d),
    followUps: d.pod
      ? [
          {
            title: 'Public IP it leaves with',
            question: `egress ${d.pod.metadata.name} -n ${d.pod.metadata.namespace}`,
            intent: 'egress',
          },
        ]
      : [],
  });
}

function mainLine(d: D): string {
  const who = d.pod ? `${d.pod.metadata.name} in ${d.pod.metadata.namespace}` : 'Pods with dnsPolicy ClusterFirst';
  const up = `${upstreamText(d.upstream)}, which sees ${seenText(d)}`;
  const c = d.conf;
  if (c?.via === 'custom') {
    const servers = c.extraNameservers.join(', ') || '(none set)';
    return (
      `${who} has dnsPolicy None: it asks only the dnsConfig nameservers ${servers}; ` +
      'the cluster DNS and cluster.local names are not used.'
    );
  }
  if (c?.via === 'node') {
    const why = c.hostNetFallback
      ? 'runs on the host network with dnsPolicy ClusterFirst, so it falls back to Default and'
      : `has dnsPolicy ${c.policy}:`;
    return (
      `${who} ${why} uses its node's resolv.conf: every query goes straight to ${up}; ` +
      'cluster.local names do not resolve from it.'
    );
  }
  const policy = c ? ` (dnsPolicy ${c.policy})` : '';
  const rest = `names outside the cluster go on to ${up}${onPremText(d.upstream)}.`;
  if (!d.dns) {
    const where = '(kube-system/kube-dns or openshift-dns/dns-default)';
    // AKS sets the kubelet's cluster DNS address from networkProfile.dnsServiceIp
    // https://learn.microsoft.com/azure/aks/configure-kubenet (DNS service IP)
    const at = d.kubeletDns ? ` at ${d.kubeletDns} (the cluster's dnsServiceIp)` : '';
    const verb = d.pod ? 'asks' : 'ask';
    return `${who}${policy} ${verb} the cluster DNS Service${at}, which I did not find ${where}; ${rest}`;
  }
  const ready = d.dns.pods.filter((p) => p.ready).map((p) => p.name);
  const pods = ready.length
    ? `${dnsName(d)} pods ${ready.join(', ')}`
    : d.dns.unlisted
      ? `its pods (I could not list ${d.dns.unlisted})`
      : 'no ready DNS pod';
  const service = `${fullName(d.dns.service)} at ${d.dns.ip}`;
  const verb = d.pod ? 'sends' : 'send';
  return `${who}${policy} ${verb} DNS queries to the cluster DNS Service ${service}, answered by ${pods}; ${rest}`;
}

// 168.63.129.16 is a virtual IP of the Azure host: no route (UDR, BGP from a VPN / ExpressRoute gateway) applies to it;
// a custom DNS server is reached by the node subnet's effective routes like any other address
// https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
// https://learn.microsoft.com/azure/virtual-network/diagnose-network-routing-problem
function onPremText(u: Upstream): string {
  if (u.from === 'azure' || u.from === 'unread')
    return u.servers[0] === AZURE_DNS
      ? `; ${AZURE_DNS} is a virtual IP of the Azure host, so those queries never cross the on-premises link ` +
          '(VPN or ExpressRoute gateway), whatever the routes say'
      : '';
  return (
    `; whether they cross the on-premises link (VPN or ExpressRoute gateway) depends on the node subnet's routes ` +
    `to ${u.servers.join(', ')}: its effective routes show the next hop`
  );
}

function outsideLine(d: D): string {
  const o = d.outside;
  if (!o) return '';
  const searchedFirst = o.order.length > 1 && o.order[0] !== o.name;
  const nx = d.conf?.via === 'cluster' ? ' (each answered NXDOMAIN by the cluster DNS)' : '';
  const tried = searchedFirst
    ? ` With ndots:${d.conf?.ndots} the pod first tries ${o.order.slice(0, -1).join(', ')}${nx};` +
      ` a trailing dot (${o.name}.) skips them.`
    : '';
  const pl = o.privateLink ? ` ${privateLinkText(d, o.privateLink)}` : '';
  if (o.served) return `${servedText(o.name, o.served)}${tried}`;
  return (
    `${o.name} is outside the cluster domain, so the upstream answers it; ` +
    `I cannot know which address an internet name resolves to: run the nslookup below.${tried}${pl}`
  );
}

// a host our route or ingress serves has a public record pointing at our front door; the pod's lookup goes upstream
// like any name outside the cluster domain, so it gets that record unless a DNS server on the way holds a private
// zone for the name (split horizon) https://learn.microsoft.com/azure/dns/private-dns-scenarios
function servedText(name: string, h: ServedHost): string {
  const record = h.wildcard ? `the wildcard record ${h.wildcard}` : h.cname ? 'a CNAME record' : 'its DNS record';
  const to = h.ip ?? h.cname;
  const what = h.front ? `the external IP of Service ${h.front}` : h.gateway ? `the frontend of ${h.gateway}` : '';
  const gets = to
    ? `public DNS resolves it (${record}) to ${to}${what ? `, ${what}` : ''}`
    : 'its front door has no external IP yet, so public DNS has nowhere to point it';
  return (
    `${name} is outside the cluster domain and served by ${h.by}: ${gets}. The pod's lookup goes upstream and gets ` +
    'that answer, unless a DNS server on the way holds a private zone for the name (split horizon).'
  );
}

// a private endpoint's name resolves to its private IP only through a privatelink zone linked to the VNet, which
// Azure DNS answers; custom DNS servers must forward the zone to 168.63.129.16
// https://learn.microsoft.com/azure/private-link/private-endpoint-dns
function privateLinkText(d: D, zone: string): string {
  const vnet = d.upstream.vnet ? `VNet ${d.upstream.vnet}` : 'the cluster VNet';
  const custom = d.upstream.from === 'vnet' || d.upstream.from === 'nic';
  const via = custom
    ? ` Your custom DNS servers (${d.upstream.servers.join(', ')}) must forward it to ${AZURE_DNS}` +
      ' (or a DNS Private Resolver) for that zone to apply.'
    : '';
  return (
    `With a private endpoint it resolves to the endpoint's private IP only through the private DNS zone ${zone} ` +
    `linked to ${vnet}; the inventory holds no private DNS zones: check the zone has the record and the link.${via}`
  );
}

function clusterNameLine(d: D): string {
  const c = d.clusterName;
  if (!c) return '';
  if ('error' in c.answer) return `${c.name}: ${c.answer.error}.`;
  const to = answerText(c.answer, c.addresses);
  const svc = `Service ${fullName(c.answer.service)}`;
  const skips = notAsked(d, `${c.name} is ${svc} (${c.answer.fqdn} → ${to}) for the cluster DNS`);
  if (skips) return skips;
  if (c.searched) {
    const n = c.searched.ndots;
    const fewer =
      n !== undefined ? `with ndots:${n} a name with fewer than ${n} dots` : 'a name with fewer dots than ndots';
    const fqdn = c.answer.fqdn === c.name ? '' : `, ${c.answer.fqdn}`;
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
    return (
      `${c.searched.tried} is ${c.name} with the search domain ${c.searched.domain} appended: ${fewer} is first ` +
      'tried with each search domain, and the cluster DNS answers NXDOMAIN for those tries before the name itself ' +
      `is asked, so that NXDOMAIN is expected. ${c.name} resolves to ${to} (${svc}${fqdn}), answered by the ` +
      'cluster DNS itself.'
    );
  }
  return `The cluster DNS answers ${c.name} itself: ${c.answer.fqdn} → ${to}. It never goes upstream.`;
}

// the record the cluster DNS holds for the name: a Service's ClusterIP; a headless Service has none, so its name
// answers with the ready pod IPs and <hostname>.<svc>.<ns> with that one pod's IP
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
function answerText(a: Exclude<DnsAnswer, { error: string }>, addresses?: string[]): string {
  const ip = a.service.spec?.clusterIP;
  const listed = addresses?.length ? `${addresses.join(', ')}, ` : addresses ? 'no ready pod, ' : '';
  if (a.hostname) return `${listed}the pod IP of ${a.hostname}, not a Service IP`;
  if (ip === 'None') return `${listed}the ready pod IPs, as a headless Service has no ClusterIP`;
  return String(ip);
}

// dnsPolicy None asks only dnsConfig's nameservers, Default (and ClusterFirst on hostNetwork) the node's resolv.conf:
// neither asks the cluster DNS, so cluster names (svc.ns, *.svc.cluster.local) do not resolve from such a pod
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
function notAsked(d: D, what: string): string | undefined {
  const c = d.conf;
  if (!c || c.via === 'cluster' || !d.pod || !d.clusterName) return undefined;
  const servers = (c.via === 'custom' ? c.extraNameservers : d.upstream.servers).join(', ') || '(none set)';
  const why =
    c.via === 'custom'
      ? `dnsPolicy None: only the dnsConfig nameservers ${servers}`
      : `${c.hostNetFallback ? 'hostNetwork with ClusterFirst falls back to Default' : `dnsPolicy ${c.policy}`}: ` +
        `the node's resolv.conf (${servers})`;
  const tries = lookupOrder(d.clusterName.name, c);
  const dns = d.dns ? ` (${d.dns.ip})` : '';
  const search = d.pod.metadata.namespace ? ` and the search domain ${d.pod.metadata.namespace}.svc.cluster.local` : '';
  const fqdn = 'error' in d.clusterName.answer ? '' : ` (as ${d.clusterName.answer.fqdn})`;
  return (
    `${what}, but ${d.pod.metadata.name} does not ask the cluster DNS (${why}). With ` +
    `${c.searches.length ? `search ${c.searches.join(' ')} and ` : ''}ndots:${c.ndots} it asks ${servers} for ` +
    `${tries.join(', ')}; only the cluster DNS${dns} knows ${d.clusterName.name}${fqdn}, so it does not resolve ` +
    `from ${d.pod.metadata.name}. Give it dnsPolicy ClusterFirst, or add the cluster DNS${dns}${search} to its ` +
    'dnsConfig.'
  );
}

const SYMPTOM_HINT: Record<NonNullable<NonNullable<D['pasted']>['symptom']>, string> = {
  timeout:
    'A timeout there means no DNS pod answered: check they are Running and that no NetworkPolicy or NSG ' +
    'blocks UDP and TCP 53 to them.',
  servfail:
    'SERVFAIL means the server could not get an answer (the DNS pods: none from their upstream): ' +
    'check the upstream below answers the name.',
  nxdomain:
    'NXDOMAIN means the server that answers the name (the cluster DNS for cluster.local, else the upstream) ' +
    'says it does not exist.',
  refused: 'REFUSED: the server will not answer this client or zone.',
};

function pastedLine(d: D): string {
  const p = d.pasted;
  if (!p) return '';
  const said = `${p.server} in that output is`;
  const what =
    p.is === 'cluster-dns' && d.dns
      ? `${said} the cluster DNS Service ${fullName(d.dns.service)}: that is the server the pod asked.`
      : p.is === 'upstream'
        ? `${said} the node's upstream DNS: the pod skipped the cluster DNS (dnsPolicy Default or host network).`
        : p.is === 'dns-config'
          ? `${said} a nameserver from the pod's dnsConfig.`
          : `${said} not the cluster DNS Service${d.dns ? ` (${d.dns.ip})` : ''}: check the pod's DNS settings.`;
  return p.symptom ? `${what} ${SYMPTOM_HINT[p.symptom]}` : what;
}

function warnings(d: D): string[] {
  const out: string[] = [];
  // AKS: a coredns-custom ConfigMap can forward zones elsewhere; OpenShift: the DNS operator's spec.servers
  // https://learn.microsoft.com/azure/aks/coredns-custom
  // https://docs.openshift.com/container-platform/4.6/networking/dns-operator.html
  if (d.platform === 'aro')
    out.push(
      'Not in the inventory: the DNS operator (spec.servers forwards some zones elsewhere): ' +
        '`oc get dns.operator/default -o yaml`.',
    );
  else
    out.push(
      'Not in the inventory: the coredns-custom ConfigMap (a forward or stub zone there sends its zones elsewhere): ' +
        '`kubectl get cm -n kube-system coredns-custom -o yaml`.',
    );
  if (d.upstream.from === 'unread' && d.conf?.via !== 'custom')
    out.push("The node's VNet could not be read, so custom DNS servers on it are unknown.");
  return out;
}

function verify(d: D): string[] {
  const k = kubectl(d);
  const out: string[] = [];
  const pod = d.pod && `-n ${d.pod.metadata.namespace} ${d.pod.metadata.name}`;
  if (pod) out.push(`${k} exec ${pod} -- cat /etc/resolv.conf`);
  if (pod && d.outside) out.push(`${k} exec ${pod} -- nslookup ${d.outside.name}`);
  else if (d.outside) out.push(`nslookup ${d.outside.name}`);
  if (d.dns) {
    const ns = d.dns.service.metadata.namespace;
    out.push(`${k} get svc -n ${ns} ${d.dns.service.metadata.name} -o wide`, `${k} get pods -n ${ns} -o wide`);
  }
  out.push(
    d.platform === 'aro'
      ? 'oc get dns.operator/default -o yaml'
      : 'kubectl get cm -n kube-system coredns-custom -o yaml',
  );
  if (d.upstream.vnet)
    out.push(`az network vnet show -g ${d.upstream.vnetGroup} -n ${d.upstream.vnet} --query dhcpOptions`);
  const u = d.upstream;
  if ((u.from === 'vnet' || u.from === 'nic') && u.nic && u.nicGroup)
    out.push(`az network nic show-effective-route-table -g ${u.nicGroup} -n ${u.nic} -o table`);
  if (d.outside?.privateLink)
    out.push(`az network private-dns link vnet list -g <zone-resource-group> -z ${d.outside.privateLink} -o table`);
  return out;
}
