import { FLOW_WORKS_ASKED } from '../nlu/patterns';
import type { IntentSpec } from '../family';

export const spec: IntentSpec<'policy'> = {
  kind: 'policy',
  title: 'Can pod A reach B? (NetworkPolicy verdict)',
  triggers: [
    // ("can api get out to 52.239.140.10 on 443?": getting out to somewhere is reaching it)
    /\bcan\b.{0,40}\b(reach|talk|connect|access|call|ping|get (out )?to|go out to)\b/,
    // ("will the api pod get out to 8.8.8.8 on tcp 25?", "would api connect to 8.8.8.8:5432?": a flow asked yes or
    // no, its far end and port ending the question, is the same verdict; "how will" or a "via …" after is the path)
    // https://learn.microsoft.com/azure/firewall/rule-processing
    new RegExp(
      String.raw`(?<!\bhow )\b(will|would)\b.{0,40}\b(reach|connect to|get (out )?to|go out to)\s+(the\s+)?[\w.-]+` +
        String.raw`(:\d{1,5}|\s+(on\s+)?(port|tcp|udp)\s*\/?\s*\d{1,5}|\s+on\s+\d{1,5})\s*\?`,
    ),
    // ("would api manage to open 443 to 1.2.3.4?": whether it succeeds is whether it may
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    new RegExp(
      String.raw`(?<!\bhow\b[^?.!]{0,30})\b(manage[sd]?|managing) to\b.{0,20}` +
        String.raw`\b(reach|talk|connect|access|call|ping|open|get (out )?to|go out to)\b`,
    ),
    // "can db-0 send mail to 203.0.113.25 port 25?": whether it may send something somewhere is the verdict asked
    // ("can api write to it over 443?": writing to a store is sending to it)
    /(?<!\bhow )\b(can|could|may)\b.{0,40}\b(send|post|push|upload|stream|ship|write|copy)(ing)? ([\w-]+ ){0,2}to\b/,
    /\b(allowed|allows?|blocked|denied|permitted|reachable|blocking|blocks)\b/,
    // "which rule drops web's connection to db?": a rule that drops or rejects is a policy verdict
    [/\b(which|what) (rule|policy|nsg|firewall)\b.{0,30}\b(drops?|dropping|rejects?|rejecting|denies|denying)\b/, 2],
    /\b(drops?|dropped|dropping|rejects?|rejected|rejecting)\b.{0,40}\b(connection|traffic|packets?|requests?)\b/,
    /\bnetwork ?polic(y|ies)\b/,
    // "ingress verdict for x/a from y/a", "is it possible for web to open a connection to api"
    /\bverdicts?\b|\bis (it )?possible (for|to)\b|\b(refus(e|es|ed|ing)|refuses) (it|the connection)\b/,
    /^\s*(policy|canreach|can-reach)\s/,
    /\bnetworkpolicy\b/,
    /\bwhy (can't|cant|can not|cannot)\b/,
    // "x/c into x/a vs y/c into x/a — which one passes?": flows set side by side, asked which is let through
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`\bwhich( (one|flow|connection|of (them|the two|those|these|both)))?( of them)? ` +
          String.raw`(pass(es)?|fails?|gets? (through|in)|goes through|` +
          String.raw`is (allowed|blocked|denied|let (through|in)))\W*$`,
      ),
      2,
    ],
    // a ticket's "Access check: A → B tcp/5432" asks for the verdict on the pair
    // (and "access request check", "connectivity review": the kind of ticket may come between)
    [/\b((access|connectivity)( request)? (check|test|verification|review)|check access)\b/, 2],
    // a network engineer's "ACL hits for A → B", "asg rule check: api to db-0": the security rules' verdict asked
    // ("web → db-0 5432 with the ASGs?", "api to db-0 under our NSG rules?": a flow held against the rules)
    [
      new RegExp(
        String.raw`\b(acls?|nsgs?|asgs?|security)( rules?)? (check|checks|hits?|lookup|match(es)?)\b|` +
          String.raw`(->|→|\bto\b)[^?.!]*\b(with|under|given|per|against) (the |our |its |their )?` +
          String.raw`((nsg|asg|security|acl) rules?|nsgs|asgs|acls|network ?policies|netpols)\s*(\?|$)`,
      ),
      2,
    ],
    // "two checks pls: x/c → x/a 80, y/b → x/a 80": pairs listed as checks, nothing else asked, ask their verdicts
    // ("east-west check: api → web:80, any NAT along the way?": translation on the way is the path's, not a verdict)
    [
      new RegExp(
        String.raw`\bchecks?( please)?: (?=[^?]*(->|→))` +
          String.raw`(?![^]*\b(path|hops?|route[sd]?|source|src|what|which|where|how|s?nat|dnat|along the way)\b)`,
      ),
      2,
    ],
    // "would anything stop the canary from connecting to db?": something that keeps one party from reaching another
    [
      new RegExp(
        // ("anything stopping web from calling api": said as going on)
        String.raw`\b(stops?|stopping|prevents?|preventing|keeps?|keeping|blocks?|blocking) ` +
          String.raw`(it|them|\S+)( \S+){0,3} from ` +
          // ("does an NSG stop api from uploading to storage?": a transfer is a connection made)
          String.raw`(connecting|reaching|talking|calling|accessing|getting|uploading|downloading|sending|pushing|` +
          String.raw`pulling|posting|fetching|writing)\b`,
      ),
      2,
    ],
    // "now z/a → x/a:80 — expected deny, please confirm", "should be blocked, right?": the verdict expected of a pair,
    // to be confirmed, asks for the verdict (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`\b(expected|expecting|expect|should be|supposed to be|must be|was) (to be )?` +
          // (a test case's "expected PASS" / "expected FAIL": the verdict the test expects)
          String.raw`(a |an )?(deny|denied|allow|allowed|blocked|permitted|approved|rejected|dropped|pass|fail)\b|` +
          String.raw`\b(deny|denied|allow|allowed|blocked|permitted) (expected|as expected)\b`,
      ),
      2,
    ],
    // "would anything block it?", "the deny on app-nsg — does it affect web → db-0?": whether something stops or
    // changes a flow is its verdict (never "where does it break?": where a flow fails is its path) (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
    [
      new RegExp(
        String.raw`\b(would|will|does|do|did|could|might|can) (anything|something|it|that|this|they|any \w+) ` +
          String.raw`(block|affect)\b`,
      ),
      2,
    ],
    // "… go from api to a blob storage account. will an NSG stop that?": a filter asked whether it stops the flow said
    // is its verdict (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
    [
      new RegExp(
        // ("is app-nsg going to block that?", "will the NSGs let it out?": an NSG said by its name, a filter letting
        // the flow out or in https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
        String.raw`\b(would|will|does|do|did|could|might|can|is|are) ((an?|the|any|our|some) )?` +
          String.raw`(azure |subnet |nic |node )?(nsgs?|` +
          String.raw`[\w-]+-nsg|firewall|fw|network ?polic(y|ies)|net ?pols?|security rules?)( rules?)? ` +
          String.raw`(going to |gonna )?` +
          String.raw`((stop|block|drop|deny|reject|affect|impact)s? (it|that|this|them|those|these)\b|` +
          String.raw`(let|allow)s? (it|that|this|them|those|these) (out|in|through)\b)|` +
          // ("is web → api 8080 affected by the subnet NSG?": the flow said first, the filter after, in the passive)
          String.raw`\b(affected|impacted|blocked|stopped|dropped|denied|filtered) by ((an?|the|any|our|some) )?` +
          String.raw`(azure |subnet |nic |node )?(nsgs?|[\w-]+-nsg|network ?polic(y|ies)|net ?pols?|security rules?)\b`,
      ),
      2,
    ],
    // "api → web on 8080, does it get through?", "would kubernetes let that through?": whether a flow passes the
    // policies is their verdict, never "which hops does it go through?"
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`(?<!\b(which|what|where|how)\b[^?.]*)(\b(let|lets|letting) (it|that|this|them|the \w+|[\w./-]+) |` +
          String.raw`\b(does|do|will|would|did|can|could|should) (it|that|this|they|the \w+) (get|go|make it) )` +
          String.raw`through\s*[?!.]*\s*$`,
      ),
      2,
    ],
    // "and api → db-0 on 5432, does that one pass?": whether the flow just said passes is its verdict
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`(?<!\b(which|what|where|how)\b[^?.,;—–]*)\b(does|do|will|would|did) ` +
          String.raw`(it|that|this|they|that one|this one|those|these) (still )?(pass|get through)\s*[?!.]*\s*$`,
      ),
      2,
    ],
    // "will the hub firewall let api out to 8.8.8.8 on 443?": a firewall or NSG letting a workload out is the verdict
    // of its rules (https://learn.microsoft.com/azure/firewall/rule-processing); never "which NSG rule lets it through"
    // on the way in
    [
      new RegExp(
        String.raw`\b(azure )?(firewall|fw|azfw|nsgs?|network security groups?)\b.{0,20}\b(let|lets|letting) ` +
          String.raw`(the )?(?!(it|that|this|them|traffic|packets?|the internet|internet)\b)[\w./-]+( pods?)? out\b`,
      ),
      2,
    ],
    // "api → web 8080 refused?", "does that connect or get refused?": whether a flow is turned away, asked, is its
    // verdict (never a pasted "Connection refused": what a client printed is no question)
    [
      /\b(refused|rejected|dropped|denied)\s*\?|\b(get|gets|getting|got) (refused|rejected|dropped|denied|blocked)\b/,
      2,
    ],
    // "does api get to db-0 on 5432?", "does web get through to 8.8.8.8 on 443?": whether one party gets to another
    // on a port is the verdict on that flow; how or by which way it gets there is its path
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`(?<!\b(which|what|where|how|why)\b[^?.]*)\b(does|do|did|will|would) [\w./-]+( pods?)? ` +
          // ("will web get out to 140.82.112.3 on 443?": getting out to a far end on a port is the same verdict)
          String.raw`(still |actually |even |really )?get (through |out )?(to|into|in to) [\w./-]+( pods?)?` +
          String.raw`(\s+(on|over|at)( port| tcp| udp)?\s*|:)\d{1,5}\b`,
      ),
      2,
    ],
    // "api needs 52.239.140.10:443 — will that work from this cluster?": a flow with its port, asked whether it works
    new RegExp(FLOW_WORKS_ASKED),
    // "do the web pods have any way into db-0?", "is there no way for api to reach db-0 on 5432?": whether one party
    // can get into another at all is the verdict on the flow, never the way it goes ("which way", "the way to")
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`\b(any|no|some) (possible )?way (in ?to|through to|to (reach|get (in)?to|connect to|talk to)|` +
          String.raw`for [\w./-]+( pods?)? to (reach|get (in)?to|connect to|talk to))\b`,
      ),
      2,
    ],
    // an audit's "api to db-0 5432 should be open, web to db-0 5432 should be shut": the state a flow is expected in
    // is its verdict checked (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [
      new RegExp(
        String.raw`[\w./-]+ (to|->|→|into) [\w./-]+( (on |port |tcp\/?)?\d{1,5})?,? ` +
          String.raw`(should|must|ought to|is supposed to|are supposed to) (still )?be ` +
          String.raw`(open|opened|shut|closed|reachable|unreachable|allowed|blocked|denied|let through)\b`,
      ),
      2,
    ],
    // "anything dropping api -> db?"
    /\b(anything|something|what('s| is)?) (dropping|blocking|rejecting|filtering|denying)\b/,
    // "sqlapi → server on 1433, anything in the way?": something that stands between two parties stops the flow
    // ("is that rule the only thing in the way of api → 8.8.8.8?", "what's in the way of …": what stands between)
    // ("does any NSG sit between api and db-0 on 5432?", "the subnet NSG — does it get in the way of web calling
    // api?": a filter named as standing between, or in the way, is asked whether it stops the flow; never "which NSG
    // sits between", a listing, nor "any firewall in between?" after a path asked: what is on the path
    // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
    [
      new RegExp(
        String.raw`\b(anything|something|(only|one|other) things?|what('s| is| else is)?) ` +
          String.raw`(standing |sitting |getting )?in the way\b|` +
          // (nor when a path is asked with it: "path api -> db-0 — does the hub firewall sit in between?")
          String.raw`(?<!\b(which|what) |\bpath\b[^]*)(?![^]*\bpath\b)` +
          String.raw`\b(nsgs?|[\w-]+-nsg|network security groups?|firewalls?|network ?polic(y|ies)|netpols?)\b` +
          String.raw`[^.?!]{0,20}?\b` +
          String.raw`((sits?|sitting|stands?|standing|lies|lying)( in)? between|` +
          String.raw`(gets?|getting|got|stands?|standing|sits?|sitting|is|are) in (the|its|their) way)\b`,
      ),
      2,
    ],
    // "could the router pods open a connection to server 1433?": whether a connection may be opened is its verdict
    [/\b(can|could|may|would)\b.{0,40}\bopen (a |any )?(tcp |new )?connections? (to|with|into)\b/, 2],
    // ("is db-0 able to reach 151.101.0.223?": the party said between; never "how is it able to reach …", its path)
    new RegExp(
      String.raw`(?<!\bhow )\b(be|is|are|was|were)( (?!not\b)[\w./-]+){0,3}? able to ` +
        String.raw`(reach|talk|connect|access|call|get (out )?to)\b`,
    ),
    // "which pods are let into x/a, and on which ports?": the peers a pod's ingress rules admit, with their ports
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource)
    /\b(are|is|get|gets|got|being|be) let (in ?to|through to|in\b)/,
    // "is namespace ingress-nginx kept out of db-0?": whether one is let into the other
    /\b(kept|keeps|keep|locked|shut) out of\b/,
    /\b(is|are)\b.{0,25}\b(open|closed)\b.{0,20}\b(from|to|between|for)\b/,
    // "z/b -> y/c on port 81 ok?": a terse pair with a yes/no at the end asks for the verdict
    // and "db-0 → api on http ok?": the port said by its name; "api -> web svc 8080 ok?": the target's type said
    [
      new RegExp(
        String.raw`(->|→)\s*\S+(\s+(svc|service|pods?))?` +
          String.raw`(\s+(on\s+)?(port\s+)?\d{1,5}|\s+(on|over)\s+[a-z][a-z0-9-]{0,14})?\s+` +
          String.raw`(ok|okay|fine|allowed|permitted)\s*\?+\s*$|` +
          // ("5432, db-0, from api: ok?": the pair said as the target, then who it is from)
          String.raw`\bfrom\s+[a-z0-9][\w./-]*\s*[:,—–-]?\s*(ok|okay|fine|allowed|permitted)\s*\?+\s*$|` +
          // ("y/a on 81 into x/a, ok?": the target said after "into" or "to", the port before it)
          String.raw`\b(into|to)\s+[a-z0-9][\w./-]*(\s+(svc|service|pods?))?(\s+(on\s+)?(port\s+)?\d{1,5})?` +
          String.raw`\s*[:,—–-]?\s*(ok|okay|fine|allowed|permitted)\s*\?+\s*$`,
      ),
      2,
    ],
    // "x/b → x/a:81 approved?", "is that flow authorized or not": whether a flow is approved is its verdict
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    [/\b(approved|authori[sz]ed|allowlisted|whitelisted)\s*(\?|,? or not\b)/, 2],
    // "pod c in y → pod a in x, port 81?": a pair drawn with its port and nothing asked but a question mark asks
    // whether it goes through (its path is asked with "path", "hops", "trace", "same node", "source")
    [
      new RegExp(
        String.raw`^(?![^]*\b(path|hops?|trace\w*|route[sd]?|nodes?|src|source|s?nat|dnat|what|which|where|how|why|` +
          String.raw`walk|flow|dns|ip)\b)[^?]{1,50}(->|→)[^?]{1,40}?(\bport\s*|:|\s)\d{1,5}\s*\?+\s*$`,
      ),
      2,
    ],
    // "policies on db-0", "which netpols select the api pods", "what policy covers db": the policies of one party
    [
      new RegExp(
        String.raw`\b(net ?pols?|network ?polic(y|ies)|polic(y|ies))\b.{0,30}\b(on|for|of|select(s|ing)?|appl(y|ies)|` +
          String.raw`protect(s|ing)?|cover(s|ing)?|match(es|ing)?|guard(s|ing)?)\b|` +
          String.raw`\b(which|what) (net ?pols?|network ?polic(y|ies)|polic(y|ies))\b`,
      ),
      2,
    ],
    /\bnet ?pols?\b/,
    // "the db-allow-api netpol: does it restrict egress too?": a policy's directions are ingress and egress
    [
      new RegExp(
        String.raw`\b(net ?pols?|network ?polic(y|ies))\b.{0,60}\b(egress|ingress|outbound|inbound)\b|` +
          String.raw`\b(egress|ingress)\b.{0,40}\b(net ?pols?|network ?polic(y|ies))\b`,
      ),
      2,
    ],
    // "what does api-deny-all block", "which traffic does it stop": what one policy lets through or not
    [
      // "what does it actually block": a word on how much may come before the verb
      new RegExp(
        String.raw`\b(what|which) (traffic |connections? )?(does|do|would|will) [\w-]+ ` +
          String.raw`(actually |really |still |even |now )?(block|stop|deny|allow|permit|kill|cut)\b`,
      ),
      2,
    ],
    // "is x/b isolated?", "is anything isolating it?": a pod that some policy selects for a direction is isolated in it
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
    [/\bisolat(e|es|ed|ing|ion)\b/, 2],
    // "which pods can get into db-0?": the sources its ingress policies allow, asked of the pods
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
    [
      /\b(which|what) (pods?|workloads?|clients?|sources?) (can|could|may|are allowed to) (get into|get in|come in)\b/,
      3,
    ],
    // "db-0 isolated? who can get in": who may reach one pod is what its ingress policies allow, not a way in
    [
      new RegExp(
        String.raw`\bwho (else )?(can|could|may|is allowed to|is permitted to) ` +
          String.raw`(get in|come in|reach (it|them)|connect( to (it|them))?)\b`,
      ),
      3,
    ],
  ],
  examples: [
    'can sqlapi reach server on 1433?',
    'is sqlapi allowed to connect to server.project1',
    'policy sqlapi -> server:1433',
  ],
  command: 'policy <pod> -> <service|pod>[:port]',
};
