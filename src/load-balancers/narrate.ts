// The load balancer list in words: one section per load balancer, one line per
// frontend, the rules as facts, and the az commands that show the same.
import type { LbRule, Probe } from '../inventory/azure-model';
import { idKey } from '../inventory/ids';
import { result, type Fact, type FollowUp, type PathResult, type Section } from '../path/result';
import { narrate as narrateSnat } from '../snat/narrate';
import type { FrontendAddress, GatewayView, LbDecision, LbView } from './decide';

// a frontend can take its addresses from a public IP prefix instead of one public IP
// https://learn.microsoft.com/powershell/module/az.network/Add-AzLoadBalancerFrontendIpConfig (-PublicIpAddressPrefixId)
const addressText = (a: FrontendAddress): string =>
  a.kind === 'private'
    ? `private ${a.ip}`
    : a.prefix && !a.ip
      ? `public IP prefix ${a.prefix}${a.range ? ` (${a.range})` : ''}`
      : `public ${a.ip ?? '?'} (${a.name ?? 'public IP not read'})`;

// each rule names the health probe that decides which backends get its traffic; for a Service with
// externalTrafficPolicy Local it is the Service's health check node port
// https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview
const probeText = (r: LbRule, probes: Probe[]): string => {
  const p = r.probeId ? probes.find((x) => idKey(x.id) === idKey(r.probeId!)) : undefined;
  return p ? `, probe ${p.protocol} ${p.port}${p.requestPath ?? ''}` : '';
};

const ruleText = (r: LbRule, probes: Probe[] = []): string =>
  `${r.name} (${r.protocol} ${r.frontendPort}→${r.backendPort}${r.floatingIp ? ', floating IP' : ''}` +
  `${probeText(r, probes)})`;

// a backend pool holds NIC IP configurations or, IP-based, addresses in the VNet
// https://learn.microsoft.com/azure/load-balancer/backend-pool-management
const poolText = (lb: LbView): string => {
  const kind = lb.poolAddresses.length ? `IP-based: ${lb.poolAddresses.join(', ')}` : 'NIC-based';
  const pools = lb.pools.map((p) => `${p.name} (${p.size})`).join(', ');
  return lb.pools.length ? ` (${kind}; pools ${pools})` : '';
};

const frontendLines = (lb: LbView): string[] =>
  lb.frontends.map(
    (fe) => `${fe.name}: ${addressText(fe.address)} — ${fe.purpose}${fe.behind ? ` → ${fe.behind}` : ''}`,
  );

const factOf = (lb: LbView): Fact => ({
  label: lb.name,
  value:
    `${lb.kind}; backends: ${lb.members.join(', ') || 'none'}${poolText(lb)}; ` +
    `rules: ${lb.rules.map((r) => ruleText(r, lb.probes)).join(', ') || 'none'}` +
    (lb.outbound.length ? `; outbound: ${lb.outbound.join(', ')}` : ''),
});

const sectionOf = (lb: LbView): Section => ({
  title: `${lb.name} (${lb.kind})`,
  subtitle: `backends: ${lb.membersText}`,
  lines: frontendLines(lb),
});

const answerLines = (lb: LbView): string[] => [
  `• ${lb.name} (${lb.kind}, backends: ${lb.membersText})`,
  ...frontendLines(lb).map((f) => `    ${f}`),
];

const followUpsOf = (lbs: LbView[]): FollowUp[] =>
  lbs.length === 1
    ? []
    : lbs.slice(0, 4).map((l) => ({
        title: l.name,
        question: `what does load balancer ${l.name} do`,
        intent: 'load-balancers',
      }));

function verifyOf(lbs: LbView[], rgNames: string): string[] {
  const rg = lbs[0]?.resourceGroup ?? rgNames;
  return [
    `az network lb list -g ${rg} -o table`,
    ...lbs.map(
      (l) =>
        `az network lb frontend-ip list --lb-name ${l.name} -g ${l.resourceGroup} ` +
        `--query '[].[name,privateIpAddress,publicIpAddress.id]' -o tsv`,
    ),
    ...lbs
      .slice(0, 1)
      .map(
        (l) =>
          `az network lb address-pool list --lb-name ${l.name} -g ${l.resourceGroup} ` +
          `--query '[].backendIpConfigurations[].id' -o tsv | cut -d/ -f 9`,
      ),
  ];
}

// an Application Gateway is no Azure Load Balancer: said apart, with the pods it sends to itself (AGIC)
// https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
// what each way in is and how it reaches the pods: AGIC and Application Gateway for Containers send to the pod IPs
// themselves; Front Door ends the client's connection at its edge and opens a new one to its origin
// https://learn.microsoft.com/azure/frontdoor/origin
const GATEWAY_KIND: Record<GatewayView['kind'], [string, string]> = {
  agic: ['Application Gateway', 'AGIC'],
  agc: ['Application Gateway for Containers', 'ALB controller'],
  afd: ['Azure Front Door', 'Standard/Premium'],
};
const HOW: Record<GatewayView['kind'], string> = {
  agic: 'it sends to the pod IPs itself',
  agc: 'it sends to the pod IPs itself',
  afd: 'it opens a new connection to its origin',
};
const gatewayLine = (g: GatewayView): string => {
  const [what, how] = GATEWAY_KIND[g.kind];
  return (
    `• ${what} ${g.name} (${how}, ${g.addresses.join(', ') || 'address not read'}; not a load balancer of the ` +
    `cluster's: ${HOW[g.kind]}) — ${g.serves}${g.behind ? ` → ${g.behind}` : ''}`
  );
};

export function narrate(d: LbDecision): PathResult {
  if (d.outcome === 'snat' || d.outcome === 'snat-no-nodes') return narrateSnat(d);
  const rgNames = d.resourceGroups.join(', ');
  if (d.outcome === 'not-found') {
    const there = !d.known.length
      ? ''
      : d.service
        ? `; the cluster's load balancers: ${d.known.join(', ')}`
        : `; there are ${d.known.join(', ')}`;
    const where = rgNames || 'the node resource group';
    // an address said ("which pods sit behind 20.31.77.5"): no frontend has it
    const none = d.service
      ? `There is no Service "${d.name}" in this cluster, so no load balancer frontend is its`
      : /^\d{1,3}(\.\d{1,3}){3}$/.test(d.name)
        ? `No load balancer in ${where} has the frontend address ${d.name}, and no public IP of ours is ${d.name}`
        : `There is no load balancer "${d.name}" in ${where}`;
    return result('load-balancers', 'not-found', `${none}${there}.`, { suggestions: d.known });
  }
  const { lbs } = d;
  const count = `${lbs.length} load balancer${lbs.length === 1 ? '' : 's'}`;
  const gateways = (d.gateways ?? []).map(gatewayLine);
  // one named outside the node resource group (in front of NVAs in a hub) is said where it is
  const node = new Set(d.resourceGroups.map((g) => g.toLowerCase()));
  const elsewhere = [...new Set(lbs.map((l) => l.resourceGroup).filter((g) => !node.has(g.toLowerCase())))];
  const where = elsewhere.length ? [...new Set(lbs.map((l) => l.resourceGroup))].join(', ') : rgNames;
  const text = [`${count} in ${where}:`, ...lbs.flatMap(answerLines), ...gateways].join('\n');
  return result('load-balancers', 'answered', text, {
    title: d.only ? `Load balancer ${d.only}` : `${lbs.length} load balancers in ${where}`,
    facts: [...lbs.map(factOf), ...(d.gateways ?? []).map((g) => ({ label: g.name, value: gatewayLine(g).slice(2) }))],
    sections: lbs.map(sectionOf),
    followUps: followUpsOf(lbs),
    verify: verifyOf(lbs, rgNames),
  });
}
