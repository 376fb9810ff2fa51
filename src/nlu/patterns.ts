import { escapeRe } from '../regex';

/** An IPv4-looking token inside a trigger phrase (validated later by isIpv4). */
export const IP_PATTERN = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
/** An IPv6 address: eight groups, or fewer with "::" ("2001:db8:4c::17", "fe80::1"); never a time ("02:10"). */
export const IPV6_PATTERN =
  String.raw`(?<![\w:.])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}|` +
  String.raw`(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)(?![\w:])`;
/** "maintenance on qt8l7 tonight: list the pods living there", "show me all pods on it": the pods asked of the node
 * said before, pointed back at (https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/) */
export const PODS_POINTED_BACK =
  String.raw`\b(list|show( me)?|give me|get( me)?)( the| all( the)?| every)? pods?\b[^.?!]{0,30}` +
  String.raw`\b(there|on (it|that|this)( (node|one|box|vm|machine))?)( (pls|please|thanks|thx))?\s*([.?!]|$)`;
/** "h9rzp worker - what pods does it host?": the pods a node said is asked to host or carry
 * https://kubernetes.io/docs/concepts/architecture/nodes/ */
export const PODS_HOSTED =
  String.raw`\b(?:which|what) pods? (?:does|do|is|are) ` +
  // ("10.224.0.5 — which pods does that node carry?": the node pointed back at by "that node")
  String.raw`(?:it|(?:that|this|the) (?:[\w-]+ )?(?:node|worker|vm|box|host)|that|this)? ?` +
  String.raw`(?:host(?:s|ing)?|run(?:s|ning)?|carr(?:y|ies|ying)|ha(?:ve|s))\b`;
/** A writer's word before going on after an answer ("ok, and …", "hm, what about …", "thanks. does …"). */
export const ASIDE_WORDS = String.raw`(?:right|ok|okay|thanks|thx|cool|got it|i see|so|hm+|ah|alright)`;
/** "vmss000001 pods?", "vmss000000: list its pods", "the node's pods": the pods asked of a node said with them, by its
 * name right before them or pointed back at (https://kubernetes.io/docs/concepts/architecture/nodes/) */
export const podsOfNodeSaid = (t: string, nodes: string[]): boolean =>
  /\b(?:its|the (?:node|worker|vm)(?:'?s)?) pods\b/.test(t) ||
  nodes.some((n) =>
    new RegExp(
      // ("vmss000002: which pods?", "vmss000000 pod list": the pods asked right after the node, in another word order)
      String.raw`(?:^|[\s(])${escapeRe(n)}(?:'s)?\s*[:—–-]?\s+(?:(?:running\s+)?pods|(?:which|what|any)\s+pods|` +
        String.raw`pods?\s+list|list\s+(?:of\s+)?pods)\s*(?:pls|please|thx|thanks)?\s*(?:[?.!]|$)`,
    ).test(t),
  );
/** "api needs 52.239.140.10:443 — will that work from this cluster?": a flow said with its port, then asked whether it
 * works (never how it works, nor which nodes it passes), asks whether it is let through https://learn.microsoft.com/azure/firewall/rule-processing */
// ("api → 1.1.1.1:443, will it connect?": whether it connects is whether it is let through)
export const FLOW_WORKS_ASKED =
  String.raw`(:\d{1,5}|\b(on|port|tcp|udp)[ /]?\d{1,5})\b((?!\b(which|what|where|how)\b)[^?]){0,40}` +
  String.raw`\b(does|do|will|would) (that|it|this)( one| flow| connection)? ` +
  String.raw`(work|go through|pass|connect|get through)` +
  String.raw`( from (here|(this|the|our) [\w-]+))?\W*$`;
/** "… with the nva in the path, is that going to work?", "will it connect?": whether the flow said works, asked at the
 * end (never how it works) https://learn.microsoft.com/azure/firewall/rule-processing */
export const WORKS_ASKED_END =
  String.raw`(?<!\bhow )\b((does|do|will|would) (that|it|this)( one| flow| connection)? ` +
  String.raw`(work|go through|pass|connect|get through)|(is|are) (that|it|this)( one| flow| connection)? ` +
  String.raw`going to (work|go through|pass|connect|get through))( from (here|(this|the|our) [\w-]+))?\W*$`;

/** "from the DBA bastion at 10.100.6.21": a machine said by its kind, the party at the address */
export const MACHINE_WORDS = String.raw`vm|jump ?host|jumpbox|bastion|laptop|workstation`;
/** "the bottling-line PCs", "the finance laptops": machines of a site, none of the cluster's */
export const SITE_MACHINE_WORDS =
  String.raw`pcs|laptops|workstations|desktops|` + String.raw`terminals|kiosks|tablets|handhelds|tills`;
/** "reads from", "pulls rows from", "fetches … from": what is read from is the server; the reader opens the
 * connection */
export const READ_VERBS =
  String.raw`(?:reads?|reading|fetch(?:es|ing)?|pulls?|pulling|loads?|loading|downloads?|downloading|retrieves?|` +
  String.raw`retrieving|quer(?:y|ies|ying)|syncs?|syncing)`;
/** "web is blocked from db-0", "kept away from it": the words for one party kept from reaching the other */
export const KEPT_WORDS = String.raw`blocked|cut off|locked out|firewalled|kept away|shut off|stopped|prevented`;
/** "… can you list them?", "is that the same one as api?", "these two": a sentence pointing back to what the one
 * before it said */
export const POINTS_BACK_WORDS = /\b(that|it|this|these|those|them|they)\b/;
/** Words recalling the bot's earlier answer: "earlier answer said", "your last reply was", "you told me", "the bot
 * just said", "yesterday's answer:" */
export const RECALL_WORDS =
  String.raw`(?:(?:the|your|that|an?|my)\s+)?` +
  String.raw`(?:earlier|last|previous|prior|first|other|yesterday'?s|this morning'?s)\s+` +
  String.raw`(?:answer|reply|response|message)s?` +
  // ("earlier answer: web is denied …": the recalled words after a colon)
  String.raw`(?:\s+(?:said|says|was|told(?:\s+(?:me|us))?|showed|shows|claimed|had)|(?=\s*:))|` +
  // ("earlier you told me sqlapi sits on …", "yesterday the bot said …": when it was said may come first)
  String.raw`(?:(?:earlier|before|previously|yesterday|this morning|last time|just now|a (?:bit|while) ago)[,\s]+)?` +
  String.raw`(?:you|u|the bot|packet-path)\s+(?:just\s+)?` +
  String.raw`(?:said|told\s+(?:me|us)|answered|showed|claimed|wrote|replied|mentioned|confirmed|` +
  // ("earlier you put sqlapi on qt8l7": where the answer placed or found a pod is what it said)
  String.raw`put|placed|located|found|listed)`;
/** "earlier answer said sqlapi is on qt8l7.", "you told me web runs on node 2.": the bot's earlier answer, recalled in
 * the writer's words, is what a quoted line is */
export const RECALLED = new RegExp(String.raw`^\W*(?:${RECALL_WORDS})\b`);
