// "What is 10.129.2.7?": the question is about its first address.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import { result, type PathResult } from '../path/result';

export interface WhatIsSubjects extends Noted {
  /** the address asked about (empty when a host name is) */
  ip: string;
  /** a range asked about ("what is 10.128.0.0/14"): `ip` is its network address */
  range?: string;
  /** a Front Door endpoint's host name asked about ("<endpoint>-<hash>.z01.azurefd.net — what is this hostname?") */
  host?: string;
}

// Front Door endpoints are named <endpoint>-<hash>.z01.azurefd.net
// https://learn.microsoft.com/azure/frontdoor/endpoint
const AFD_HOST = /\.azurefd\.net\.?$/i;

/** "… what's 10.0.50.10?", "which frontend is 10.0.0.4": the address the question names, not a pasted line's. */
const ASKED = new RegExp(
  String.raw`\b(?:what|who|which|whose)(?:'s| is| owns| uses| has|\s+[a-z-]+\s+(?:is|was|has))\s+` +
    String.raw`(?:this |that |the )?(?:ip |address )?(\d{1,3}(?:\.\d{1,3}){3})\b`,
);

/** "what is 51.104.20.30... ugh no, 10.100.0.4": the address said after a correction replaces the one before */
const CORRECTED =
  /\b(?:no|sorry|i mean|i meant|rather|actually|correction|make that)[,:.]*\s+(\d{1,3}(?:\.\d{1,3}){3})\b/g;

/** "what is the second one attached to?" after a pasted list of addresses: the one at that place in the list */
const ORDINAL = /\bthe (first|1st|second|2nd|third|3rd|last) (?:one|ip|address|row|line|entry)\b/;
const PLACES: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, last: -1 };

/** The address asked about: corrected to, named by the question or placed in a list, else the first of the sentence
 * that asks, else the first. */
function askedAddress(intent: Intent): string | undefined {
  const corrected = [...intent.text.matchAll(CORRECTED)].at(-1)?.[1];
  const place = ORDINAL.exec(intent.asking ?? intent.text)?.[1];
  const placed = place && intent.ips.length > 1 ? [...new Set(intent.ips)].at(PLACES[place]) : undefined;
  const named = ASKED.exec(intent.asking ?? intent.text)?.[1] ?? ASKED.exec(intent.text)?.[1];
  const inAsking = intent.ips.find((ip) => intent.asking?.includes(ip));
  return [corrected, placed, named, inAsking].find((ip) => ip && intent.ips.includes(ip)) ?? intent.ips[0];
}

/** "what's the difference between 20.31.46.20 and 20.31.46.88? which one is the ingress": two addresses weighed */
const WEIGHED = /\b(difference|differ\w*|compare\w*|versus|vs\.?|which one|which of (them|the two|these|those))\b/;

// A link-local address (fe80::/10) never leaves its link: https://www.rfc-editor.org/rfc/rfc4291#section-2.5.6
const LINK_LOCAL = /^fe[89ab][0-9a-f]?:/i;

/** An IPv6 address: a pod's or a Service's when the cluster is dual-stack, else nothing of the cluster has it.
 * AKS gives pods and nodes IPv6 addresses only in dual-stack mode: https://learn.microsoft.com/azure/aks/configure-dual-stack */
async function ipv6(ip: string, said: string[], ctx: Ctx): Promise<PathResult> {
  const [pods, services] = await Promise.all([ctx.inv.list('Pod'), ctx.inv.list('Service')]);
  const same = (a: string) => a.toLowerCase() === ip.toLowerCase();
  const pod = pods.find((p) => (p.status?.podIPs ?? []).some((x) => same(x.ip)));
  const svc = services.find((x) => (x.spec?.clusterIPs ?? []).some(same));
  const linkLocal = said.filter((x) => LINK_LOCAL.test(x));
  const many = linkLocal.length > 1;
  const local = linkLocal.length
    ? ` ${linkLocal.join(' and ')} ${many ? 'are link-local addresses' : 'is a link-local address'} (fe80::/10): ` +
      'never routed off its link, so never on a path of the cluster.'
    : '';
  if (pod || svc) {
    const what = pod
      ? `pod ${pod.metadata.namespace}/${pod.metadata.name}`
      : `Service ${svc!.metadata.namespace}/${svc!.metadata.name}`;
    return result('what-is', 'answered', `${ip} is the IPv6 address of ${what}.${local}`, { title: `${ip} → ${what}` });
  }
  const dual = pods.some((p) => (p.status?.podIPs ?? []).some((x) => x.ip.includes(':')));
  return result(
    'what-is',
    'not-found',
    (dual
      ? `No pod or Service of this cluster has ${ip}.`
      : `No object of this cluster has an IPv6 address: the snapshot has no dual-stack pods or Services (AKS gives ` +
        `them IPv6 addresses only in dual-stack mode), so ${ip} is not one of ours.`) + local,
    { title: `${ip}: not in this cluster` },
  );
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<WhatIsSubjects | PathResult> {
  // two addresses weighed against each other: the answer about one alone would read as the answer to which one, so
  // each is offered
  const ips = [...new Set(intent.ips)];
  if (ips.length === 2 && WEIGHED.test(intent.asking ?? intent.text) && !ASKED.test(intent.asking ?? intent.text))
    return result('what-is', 'not-understood', `Two addresses, ${ips.join(' and ')}: pick one to see what it is.`, {
      title: 'Which address?',
      followUps: ips.map((ip) => ({ title: `What is ${ip}`, question: `whatis ${ip}`, intent: 'what-is' })),
    });
  const ip = askedAddress(intent);
  if (ip?.includes('/')) return { ip: ip.split('/')[0], range: ip };
  if (ip?.includes(':')) return ipv6(ip, ips, ctx);
  const host = [...(intent.urlHosts ?? []), ...intent.names].find((h) => AFD_HOST.test(h));
  if (!ip && host) return { ip: '', host: host.toLowerCase().replace(/\.$/, '') };
  return ip ? { ip } : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"');
}
