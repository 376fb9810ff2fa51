// A route to a virtual appliance in words: Azure Firewall (public IPs, NAT gateway on its subnet, or no SNAT for
// private destinations), an NVA behind an internal load balancer, a NIC, or an owner that could not be found.
import type { NatGateway } from '../inventory/azure-model';
import { dropsBeyondRules, ruleLines } from '../path/firewall-rules';
import type { Hop } from '../path/result';
import {
  anyOf,
  internet,
  known,
  leaveAs,
  list,
  routeHop,
  snatTo,
  sourceCaveats,
  sourceWords,
  type Rule,
  type Scene,
  type Told,
} from './narrate-rule';

type Appliance = Rule<'appliance'>;

export function applianceRule(s: Scene, r: Appliance): Told {
  const via = routeHop(s, r);
  if (r.owner.kind === 'firewall') return firewall(s, r, via);
  if (r.owner.kind === 'hub-appliance') return hubAppliance(s, r.owner, via);
  const hop: Hop = {
    kind: 'virtual-appliance',
    name: r.route.nextHopIp ?? 'virtual appliance',
    ip: r.route.nextHopIp,
    src: s.srcIps[0],
    dst: s.a.destination,
    note: 'the appliance decides the source address',
  };
  s.d.hops.push(hop);
  s.d.hops.push(internet(s, undefined, 'source address chosen by the appliance'));
  const what = ownerWords(s, r, hop);
  return {
    answer:
      `${s.who} reaches ${s.dest} through ${what} (${via}); the appliance decides whether and to what it ` +
      'SNATs, so the source the destination sees is configured on the appliance, not in Azure.',
    title: `${s.name} leaves through appliance ${r.route.nextHopIp}`,
  };
}

/** A Virtual WAN hub's NVA or SaaS next hop: it decides the source, which Azure does not show. */
function hubAppliance(s: Scene, o: Extract<Appliance['owner'], { kind: 'hub-appliance' }>, via: string): Told {
  s.d.hops.push({
    kind: 'virtual-appliance',
    name: o.name,
    src: s.srcIps[0],
    dst: s.a.destination,
    note: `in Virtual WAN hub ${o.hub}; it decides the source address`,
  });
  s.d.hops.push(internet(s, undefined, `source address chosen by ${o.name}`));
  s.d.facts.push({ label: 'Appliance', value: `${o.name} in Virtual WAN hub ${o.hub} (${o.id})` });
  return {
    answer:
      `${s.who} reaches ${s.dest} through ${o.name} in Virtual WAN hub ${o.hub} (${via}): decided by ${o.name}, ` +
      'which address the destination sees is set on that appliance and not known from Azure.',
    title: `${s.name} leaves through ${o.name} (Virtual WAN hub ${o.hub})`,
  };
}

function ownerWords(s: Scene, r: Appliance, hop: Hop): string {
  const o = r.owner;
  const ip = r.route.nextHopIp;
  if (o.kind === 'ilb') {
    const members = o.backends.map((b) => `${b.nic}${b.ip ? ` (${b.ip})` : ''}`).join(', ') || 'no backend found';
    hop.name = `${o.lb.name}/${o.frontend}`;
    hop.note = `internal load balancer frontend; appliances: ${members}`;
    s.d.facts.push({ label: 'Appliances', value: `${members} behind ${o.lb.name} (${o.lb.resourceGroup})` });
    s.d.verify.push(`az network lb address-pool list -g ${o.lb.resourceGroup} --lb-name ${o.lb.name} -o table`);
    return `the appliances behind internal load balancer ${o.lb.name} (${ip}: ${members})`;
  }
  if (o.kind === 'nic') {
    hop.name = o.nic.name;
    s.d.facts.push({ label: 'Appliance NIC', value: `${o.nic.name} (${o.nic.resourceGroup})` });
    return `the virtual appliance on NIC ${o.nic.name} (${ip})`;
  }
  if (o.kind === 'firewall') return o.firewall.name;
  if (o.kind === 'hub-appliance') return o.name;
  const where = o.unreadable.length
    ? `subscription ${o.unreadable.join(', ')} could not be read` +
      (o.peering ? ` (reached through peering ${o.peering})` : '')
    : `nothing in subscription ${o.searched.join(', ') || '(none)'} owns it`;
  s.d.warnings.push(
    `Not visible: which appliance owns ${ip} — ${where}; give the bot Reader there to see the firewall or appliance`,
  );
  return `the virtual appliance ${ip} (owner not visible: ${where})`;
}

function firewall(s: Scene, r: Appliance, via: string): Told {
  const fw = (r.owner as Extract<Appliance['owner'], { kind: 'firewall' }>).firewall;
  const keep = r.firewallSnat === 'none-private';
  s.d.hops.push({
    kind: 'firewall',
    name: fw.name,
    ip: r.route.nextHopIp,
    src: s.srcIps[0],
    dst: s.a.destination,
    note: keep
      ? 'network rules do not SNAT private destinations'
      : r.firewallSnat === 'private-ip'
        ? `SNAT to one of its addresses in ${list(r.publicIps)} (private destination outside its SNAT ranges)`
        : r.natGateway
          ? `its subnet's NAT gateway ${r.natGateway.name} SNATs to ${list(r.publicIps)}`
          : `SNAT to one of its public IP(s) ${list(r.publicIps)}`,
    nat: keep ? undefined : snatTo(s, r.publicIps),
  });
  s.d.facts.push({ label: 'Firewall', value: `${fw.name} (${fw.resourceGroup}, subscription ${fw.subscription})` });
  // a secured virtual hub's firewall has its addresses in hubIPAddresses, not in IP configurations
  // https://learn.microsoft.com/azure/templates/microsoft.network/azurefirewalls
  const query = fw.publicIps.length
    ? 'hubIpAddresses'
    : 'ipConfigurations[].{private:privateIpAddress,publicIp:publicIpAddress.id,subnet:subnet.id}';
  s.d.verify.push(`az network firewall show --ids ${fw.id} --query '${query}'`);
  snatRangeFacts(s, r);
  firewallRuleFacts(s, r, fw.name);
  if (keep) return firewallPrivate(s, r, via, fw.name);
  if (r.firewallSnat === 'private-ip') return firewallPrivateSnat(s, r, via, fw.name);
  if (r.natGateway) natGatewayFacts(s, r.natGateway);
  leaveAs(s, r.publicIps);
  const ipText = r.publicIps.length ? anyOf(r.publicIps) : 'its public IP (not readable)';
  const snat = r.natGateway
    ? `whose subnet's NAT gateway ${r.natGateway.name} SNATs it ` +
      "(a NAT gateway on AzureFirewallSubnet replaces the firewall's public IPs for outbound)"
    : r.publicIps.length > 1
      ? 'which SNATs it to any one of its public IPs'
      : 'which SNATs it';
  return {
    answer:
      `${s.who} reaches ${s.dest} as ${ipText}: ${via} sends it to Azure Firewall ${fw.name} ` +
      `(${r.route.nextHopIp}), ${snat}.`,
    title: `${s.name} leaves as ${list(r.publicIps)} via firewall ${fw.name}`,
    seenAs: known(r.publicIps),
  };
}

/** What the firewall's rules let out for the packet's source (a port asked is judged by the policy family). */
function firewallRuleFacts(s: Scene, r: Appliance, name: string): void {
  const rules = r.firewallRules;
  const src = s.srcIps[0];
  if (!rules || !src) return;
  if (rules.missing.length) {
    s.d.facts.push({ label: 'Firewall rules', value: `not read (${rules.missing.join(', ')})` });
    return;
  }
  const lines = ruleLines(rules, src);
  const shown = lines.slice(0, 6).map((l) => `${l.action} ${l.what} (${l.rule})`);
  const more = lines.length > 6 ? `; and ${lines.length - 6} more` : '';
  // nothing passes Azure Firewall unless a rule allows it: https://learn.microsoft.com/azure/firewall/rule-processing
  s.d.facts.push({
    label: 'Firewall rules',
    value: `for ${src}: ${shown.join('; ') || 'none'}${more}; anything else is dropped (no rule allows it)`,
  });
  s.d.warnings.push(...dropsBeyondRules(name, rules));
  if (!lines.some((l) => l.action === 'allow'))
    s.d.warnings.push(`Azure Firewall ${name} has no rule that lets anything from ${src} out: it drops the traffic`);
}

/** Which ranges the firewall does not SNAT, from where; what is not visible about them. */
function snatRangeFacts(s: Scene, r: Appliance): void {
  const sr = r.snatRanges;
  if (!sr) return;
  const ranges = sr.ranges.map((x) => (x.toLowerCase() === 'ianaprivateranges' ? 'IANA private ranges' : x)).join(', ');
  const from = {
    policy: `policy ${sr.policy}`,
    firewall: 'firewall setting',
    default: sr.policy ? `default; policy ${sr.policy} sets none` : 'default',
    'not-read': `assumed; policy ${sr.policy} not read`,
  }[sr.from];
  s.d.facts.push({ label: 'SNAT private ranges', value: `${ranges} (${from})` });
  if (sr.from === 'not-read')
    s.d.warnings.push(
      `The firewall's SNAT private ranges may be set in its policy ${sr.policy} (not read): ` +
        'the IANA private ranges are assumed',
    );
  if (sr.autoLearn && s.a.destination && r.firewallSnat !== 'none-private')
    s.d.warnings.push(
      `Policy ${sr.policy} also learns private ranges from Azure Route Server (auto-learn), not visible here: ` +
        `if a learned range holds ${s.a.destination}, the firewall does not SNAT it`,
    );
}

function firewallPrivate(s: Scene, r: Appliance, via: string, name: string): Told {
  sourceCaveats(s, true);
  s.d.hops.push(internet(s, s.src, 'no SNAT by the firewall (private range)'));
  s.d.warnings.push(
    `If an application rule (not a network rule) allows this traffic, ${name} proxies it and ${s.dest} sees ` +
      'one of the firewall’s private IPs instead',
  );
  return {
    answer:
      `${s.who} reaches ${s.dest} through Azure Firewall ${name} (${via}); ${s.dest} is in the firewall's private ` +
      `ranges, so its network rules do not SNAT: the destination sees ${sourceWords(s)}.`,
    title: `${s.name} reaches ${s.dest} through firewall ${name} (no SNAT)`,
    seenAs: s.a.source.kind === 'unknown' ? undefined : s.srcIps,
  };
}

function firewallPrivateSnat(s: Scene, r: Appliance, via: string, name: string): Told {
  const seen = known(r.publicIps);
  s.d.hops.push(internet(s, seen[0], `SNATed by ${name} to an address of its subnet`));
  return {
    answer:
      `${s.who} reaches ${s.dest} through Azure Firewall ${name} (${via}); ${s.dest} is a private address outside ` +
      `the firewall's SNAT private ranges, so it SNATs it to one of its own addresses in ${list(r.publicIps)}.`,
    title: `${s.name} reaches ${s.dest} as firewall ${name}'s subnet address`,
    seenAs: seen.length ? seen : undefined,
  };
}

function natGatewayFacts(s: Scene, gw: NatGateway): void {
  s.d.facts.push({ label: 'NAT gateway', value: `${gw.name} (${gw.resourceGroup}, on AzureFirewallSubnet)` });
  s.d.hops.push({
    kind: 'nat-gateway',
    name: gw.name,
    dst: s.a.destination,
    note: 'on AzureFirewallSubnet: the firewall’s outbound SNAT',
  });
}
