// How a SNAT usage question is asked ("are we running out of SNAT ports?", "SNAT port usage", "any SNAT
// failures?"): the load balancer family answers it with the SNAT view of every outbound load balancer and NAT gateway.
export const SNAT_QUESTION = new RegExp(
  String.raw`\b(run(ning)?|ran|runs) out of\b.{0,20}\bsnat\b|` +
    String.raw`\bsnat\b.{0,30}\b(exhaust\w*|usage|utili[sz]ation|failures?|failed|failing|run(ning)? out|` +
    String.raw`in use|used|capacity|allocation|allocated|pressure|headroom|left)\b|` +
    String.raw`\b(exhaust\w*|usage|utili[sz]ation|failures?|failed)\b.{0,30}\bsnat\b`,
);

/** "snat ports" alone leans to this question, less than the phrasings above */
export const SNAT_PORTS = /\bsnat ports?\b/;
