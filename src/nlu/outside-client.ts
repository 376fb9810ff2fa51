// A client on the Internet said at its address, asked whether it reaches an address of ours.
import { isIpv4, isPrivateIp } from '../path/ip';
import { escapeRe } from '../regex';
import type { Entity } from './parse';
import { IP_PATTERN as IP } from './patterns';

/** "can 203.0.113.50 reach 51.104.20.30 on 8443?", "203.0.113.50 can't reach 51.104.20.30:443 — why?": a public
 * address asked whether it reaches another address is a client on the Internet, as a flow drawn from it is */
export function askedWhetherReaches(text: string): string | undefined {
  const reach = String.raw`(?:able\s+to\s+)?(?:reach|hit|open|connect\s+to|get\s+to|access|talk\s+to)\s+${IP}\b`;
  const asked =
    new RegExp(
      String.raw`\b(?:can|could|cannot|can't|does|do|will|would|is|are)\s+(${IP})\s+(?:still\s+|not\s+)?${reach}`,
    ).exec(text)?.[1] ??
    new RegExp(
      String.raw`(?:^|[\s(])(${IP})\s+(?:can|cannot|can't|could|couldn't|could not|won't|doesn't|does not|still|` +
        String.raw`may|might)\s+` +
        String.raw`(?:not\s+|still\s+)?${reach}`,
    ).exec(text)?.[1];
  return asked && isIpv4(asked) && !isPrivateIp(asked) ? asked : undefined;
}

/** "10.100.4.9 in the hub", "10.10.1.50 on the app subnet": where the client sits, said after its address */
const WHERE_IT_SITS = String.raw`(?:(?:in|on|at|from)\s+(?:the\s+|our\s+)?[\w-]+(?:\s+(?:vnet|subnet|network))?\s+)?`;

/** Only where the machine is may come between it and its verb ("sits in the hub vnet and", ", in the hub vnet,",
 * "(hub)"): another subject there ("10.100.2.10 see when web calls it") is the one that opens */
const PLACED =
  // ("a VM at 10.0.3.15 inside the VNet calls …": inside, within, as in)
  String.raw`(?:\([\w\s-]+\)\s+|(?:(?:sits|sitting|is|lives|living|located)\s+)?(?:in|on|at|from|inside|within)\s+` +
  String.raw`(?:the\s+|our\s+)?[\w-]+(?:\s+(?:vnet|subnet|network))?,?\s+)?`;
/** A machine of the user's, said as one ("our jump host 10.100.4.9", "a VM in app-subnet, 10.10.1.50,") */
const CLIENT_MACHINE =
  // (never one gone to: "web calls the host 10.100.2.10, which connects …")
  String.raw`(?<!\b(?:to|reach\w*|call\w*|hit\w*|open\w*|dial\w*|at|via)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+)?)` +
  String.raw`\b(?:vm|virtual machine|jump ?host|jumpbox|bastion|box|machine|host|laptop|workstation|server)`;
/** "our jump host 10.100.4.9 sits in the hub vnet and connects to sqlapilb", "a VM in app-subnet, 10.10.1.50, wants
 * postgres on db-0": a machine said at its address, then said to open a connection in the same sentence, is the
 * client (the client is whoever opens the connection: https://kubernetes.io/docs/tutorials/services/source-ip/) */
// ("the parcel lockers kiosk sits at 10.0.3.40 in our vnet and calls 10.0.2.10:8080": whatever device is said to sit at
// the address is a machine there, whatever its word)
export const saidToOpen = (text: string, ip: string): boolean =>
  new RegExp(
    // ("a VM in the hub at 10.100.2.10 dials …": where the machine is, then its address)
    String.raw`(?:${CLIENT_MACHINE}(?:\s+[\w-]+){0,3}?(?:\s+at)?[\s,(]+|` +
      String.raw`\b(?:sits|sitting|lives|living|located|runs|running)\s+(?:at|on)\s+)` +
      String.raw`${escapeRe(ip)}\)?,?\s+${PLACED}(?:and\s+)?(?:also\s+)?` +
      // ("the scheduling VM 10.10.1.80 in app-subnet has to query db-0": the connection it must open, said by its use)
      String.raw`(?:(?:has|needs|wants|tries|is\s+going|is\s+supposed)\s+to\s+(?:connect|reach|call|talk|open|hit|` +
      String.raw`dial|curl|query|poll|fetch|use|read|write|send|access)\b|` +
      String.raw`(?:connects|reaches|wants|needs|calls|talks|opens|hits|dials|curls|tries|queries|polls|fetches)\b)`,
  ).test(text) || openedFrom(text, ip);

/** "from the DBA bastion at 10.100.6.21 (hub side) we open sqlapilb:8080": the people who open the connection from a
 * machine at the address make it the client (https://kubernetes.io/docs/tutorials/services/source-ip/) */
const openedFrom = (text: string, ip: string): boolean =>
  new RegExp(
    String.raw`\bfrom\s+(?:the\s+|our\s+|an?\s+|my\s+)?(?:[\w-]+\s+){0,3}?(?:at\s+)?\(?${escapeRe(ip)}\)?,?\s+` +
      String.raw`${PLACED}(?:we|i|they|you|someone|users?)\s+` +
      String.raw`(?:(?:then|also|can|can't|cannot|could|try to|tried to)\s+)?` +
      String.raw`(?:open|opened|connect|connected|reach|reached|call|called|hit|dial|dialled|dialed|curl|curled|ssh)\b`,
  ).test(text);

/** "can 198.51.100.7 reach web on 80?", "could the office at 198.51.100.7 connect to web": the address asked whether it
 * opens a connection is the client, never the far end a workload goes out to (the client is whoever opens the
 * connection: https://kubernetes.io/docs/tutorials/services/source-ip/) */
export const askedWhetherOpens = (text: string, ip: string): boolean =>
  new RegExp(
    String.raw`\b(can|could|may|will|would|does|do|is|are)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:at\s+)?\(?` +
      String.raw`${escapeRe(ip)}\)?\s+${WHERE_IT_SITS}(?:be\s+)?(?:able\s+to\s+)?` +
      String.raw`(reach|connect|talk|access|get|hit|open|call|curl|send|dial)\w*\b`,
  ).test(text) || saidToOpen(text, ip);

/** "db-0's pod ip", "the pod IP of db-0", "the db-0 pod IP": a pod's own address said by its name */
const podAddressOf = (text: string, name: string): boolean =>
  new RegExp(
    String.raw`\b${escapeRe(name)}(?:['’]s)?\s+(?:own\s+)?pod[\s-]?ip\b|` +
      String.raw`\bpod[\s-]?ip\s+(?:address\s+)?(?:of|for)\s+(?:the\s+)?(?:pod\s+)?${escapeRe(name)}\b`,
  ).test(text);

/** "path from 10.100.4.20 to db-0's pod ip", "10.100.4.20 -> 10.244.1.9:5432": a flow drawn from the address on */
const drawnFrom = (text: string, ip: string): boolean =>
  new RegExp(
    String.raw`\bfrom\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:at\s+)?\(?${escapeRe(ip)}\)?,?\s+` +
      String.raw`${PLACED}(?:to|into|->|→)\s|(?:^|\s)${escapeRe(ip)}\s*(?:->|→)\s*\S`,
  ).test(text);

/** A pod's own address, said as one, opened by a private machine outside the cluster: that machine is a client
 * coming in, whatever the words' family ("can 10.100.4.20 reach db-0's pod ip on 5432?", "path from 10.100.4.20 to
 * 10.244.1.9"). Whether it gets there depends on the network plugin: pod IPs are VNet addresses with Azure CNI (node
 * or pod subnet), not with overlay or kubenet https://learn.microsoft.com/azure/aks/concepts-network-cni-overview */
export function dialsPodAddress(text: string, entities: Entity[], outside: string[]): string | undefined {
  const pod = entities.find(
    (e) => e.kind === 'pod-ip' || (e.kind === 'pod' && podAddressOf(text, e.text.split('/').pop()!)),
  );
  if (!pod) return undefined;
  return outside.find((ip) => isPrivateIp(ip) && (askedWhetherOpens(text, ip) || drawnFrom(text, ip)));
}
