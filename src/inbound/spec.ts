import type { IntentSpec } from '../family';
import { IP_PATTERN } from '../nlu/patterns';

// an address with the port it is asked on ("51.104.20.30 on 8443", "20.31.46.20:80", "… port 443")
const ADDRESS_PORT = String.raw`${IP_PATTERN}(:\d{1,5}| (on |at )?(port |tcp |tcp\/)?\d{1,5})`;

export const spec: IntentSpec<'inbound'> = {
  kind: 'inbound',
  title: 'How traffic reaches a route, host, ingress or LoadBalancer Service',
  triggers: [
    // "does 51.104.20.30 on 8443 lead anywhere?", "where does 20.31.46.20:80 go to?": where an address on a port leads
    // is the way in behind it (a firewall's DNAT rule, a load balancer rule: both translate the destination
    // https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat)
    [
      new RegExp(
        String.raw`\b(does|do|will|would)( traffic (to|for))? ${ADDRESS_PORT} ` +
          String.raw`(leads?|go|goes|forwards?|end up|lands?|` +
          String.raw`gets? (sent|forwarded)) (anywhere|somewhere|to (something|anything)|through)\b|` +
          String.raw`\bwhere (does|do|will|would)( traffic (to|for))? ${ADDRESS_PORT} (leads?|go|end up|land|` +
          String.raw`get (sent|forwarded)|forward)( to)?\b`,
      ),
      3,
    ],
    // "how a request finds the web pods", "how the traffic makes its way to the app"
    [
      new RegExp(
        String.raw`\bhow (does |do |did |will |would )?(an? |the |my |our |each |that )?` +
          String.raw`(requests?|packets?|connections?|calls?|traffic|users?|clients?) ` +
          // ("how does a request get from there to the pod?": from the way in said before)
          String.raw`(finds?|reach(es)?|gets? (from (there|here|it|that|them) )?(to|into)|arrives? at|` +
          String.raw`ends? up (at|on|in)|enters?|lands? (on|at|in)|` +
          String.raw`comes? in(to)?|` +
          String.raw`makes? (it|its way) (to|into))\b`,
      ),
      2,
    ],
    // "does the nsg let the internet in on 443?", "an NSG rule blocking the internet in front of the app gateway": the
    // Internet let in or kept out at a way in of ours comes in (an NSG's verdict on it is on the way in)
    // https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
    [
      new RegExp(
        String.raw`\b(let|lets|letting|allow\w*|permit\w*|admit\w*|block\w*|den(y|ies|ying)|drop\w*|stop\w*) ` +
          String.raw`(the |traffic from the )?(public )?internet( traffic| clients)?` +
          String.raw`( in\b| (in front of|before|into|to) (the |our )?` +
          String.raw`(app(lication)? ?gateway|agw|appgw|ingress|load ?balancer|lb|frontend|router)s?\b)`,
      ),
      3,
    ],
    // "<url> which pod ends up serving this?": the pod a request is served by is at the end of the way in
    [
      new RegExp(
        String.raw`\b(which|what) (pods?|backends?|workloads?)( ends? up| actually| finally)? ` +
          String.raw`(serv(e|es|ing)|handl(e|es|ing)|answer(s|ing)?) (this|that|it|the request|these requests)\b`,
      ),
      2,
    ],
    // "my website is behind the Application Gateway"
    new RegExp(
      String.raw`\b(is|are|sits?|sitting|runs?) behind (the |an? |our )?` +
        String.raw`(app(lication)? gateway|front ?door|load ?balancer|ingress|router|waf)\b`,
    ),
    // "DNAT on the LB frontend … to nodePort … and then to the pod"
    /\b(dnat\w*|nodeports?)\b.{0,60}\b(to|into) (the )?(pods?|backends?)\b/,
    // ("where does the firewall DNAT send it?": where a DNAT rule takes what comes in is the way in behind it
    // https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat)
    [/\bdnat( rules?)? (sends?|forwards?|takes?|translates?|puts?|passes?) (it|that|this|them|those|the \w+)\b/, 2],
    new RegExp(
      String.raw`\bhow (does|do|is|are|can|would)\b.{0,50}\b(reach|reached|get to|gets to|come in|comes in|exposed|` +
        String.raw`arrive|land|enter)\b`,
    ),
    // "the path their requests take into the cluster", "how does a call enter the cluster": coming in
    [/\b(enters?|entering|into|in to) (the |our )?(cluster|aks|openshift|k8s)\b/, 2],
    // "the ingress for web", "its ingress": the way in of a workload (not a policy's ingress rules, said with "rules")
    [
      new RegExp(
        String.raw`\b(the|its|an?|which|what) ingress (for|of|in front of|that serves|fronts?|fronting|serves?|` +
          String.raw`serving|handles?)\b(?! rules?\b)`,
      ),
      2,
    ],
    // "nodeport 31380 from a laptop": a node port is a way in from outside the cluster
    // https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
    [/\bnode ?ports?\b.{0,40}\b(from|reach\w*|hits?|via|through|outside)\b|\bfrom\b.{0,40}\bnode ?ports?\b/, 2],
    // "which nodes pass the health probe": with externalTrafficPolicy Local only nodes with a ready endpoint pass it
    // and get the requests (kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/)
    [/\bnodes?\b.{0,20}\b(pass|passes|passing|fail|fails|failing) (the )?(lb |load balancer )?(health ?)?probes?\b/, 2],
    // "-> 10.224.0.4:31380, web's nodeport": a node address on a port of the NodePort range (30000-32767), same page
    // "what is behind that endpoint", "all the way to the pod": what a front end sends to, down to the backends
    [
      new RegExp(
        String.raw`\b(what|who)('s| is| sits) behind (that|this|the|our) (endpoint|url|host ?name|host|frontend|` +
          String.raw`address|ip|domain|vip)\b|\ball the way (down )?(to|through to) the (pods?|backends?|app)\b`,
      ),
      3,
    ],
    // "nodeport 31409, who listens on it?": what answers on a node port is the Service behind it (same page)
    [/\bnode ?ports?\b.{0,40}\b(who|what|which \w+) (listens|is listening|answers|serves|is behind)\b/, 2],
    [/:3[0-2]\d{3}\b.{0,60}\bnode ?ports?\b|\bnode ?ports?\b.{0,60}:3[0-2]\d{3}\b/, 2],
    // "-> 10.224.0.4:31380": an arrow to an address on a port of that range, drawn alone, is a node port reached
    [/^\W*(->|→)\s*\d{1,3}(\.\d{1,3}){3}:3[0-2]\d{3}\b/, 2],
    // coming in: "from the internet to <host>", "come in on", "incoming requests", "get into the web service"
    // ("customers from internet not can open web": opening or loading a site of ours from outside is coming in)
    [
      new RegExp(
        String.raw`\bfrom (the )?(public )?(internet|outside( world)?)\b.{0,40}` +
          String.raw`\b(to|into|reach\w*|get\w*|hit\w*|open|load|access)\b`,
      ),
      2,
    ],
    [/\b(comes?|coming|gets?|getting) in\b|\bincoming\b|\bgets? into\b|\bcomes? into\b/, 2],
    // "how the request from customer reach to web pods": requests of someone outside reaching ours
    [
      new RegExp(
        String.raw`\brequests? (from|of) (the |a |our )?(customers?|clients?|users?|visitors?|browsers?)\b.{0,30}` +
          String.raw`\b(reach\w*|gets? to|arrives?|lands?|comes?)\b`,
      ),
      2,
    ],
    // "can the office (198.51.100.7) get to 20.31.46.20 on port 80?", "can a customer laptop reach 20.31.50.10 port 80
    // from home": a place or person outside reaching a public address of ours on a port (never a private one)
    [
      new RegExp(
        String.raw`\b(office|home|laptops?|branch|site|on-?prem\w*|customers?|partners?|users?|clients?)\b.{0,40}` +
          String.raw`\b(reach|get to|connect to|hit|access|open)\s+(?!10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)` +
          String.raw`\d{1,3}(\.\d{1,3}){3}\b.{0,10}\bport\b`,
      ),
      2,
    ],
    // "LB 20.31.46.88, etp Cluster → src seen by the pod?": externalTrafficPolicy decides whether the client's address
    // is kept (https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/)
    [/\b(etp|externaltrafficpolicy|external ?traffic ?policy)\b/, 3],
    /\bexposed\b.{0,20}\b(internet|outside|publicly|public)\b/,
    // "is port 80 on 20.31.46.20 open to the internet?", "reachable from any internet host?": whether the Internet gets
    // in, which the NSG's inbound rules for the Internet service tag decide
    // https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
    [
      /\b(open|opened|reachable|accessible)\b.{0,10}\b(to|from|for) (the |any )?(public )?(internet|outside world)\b/,
      2,
    ],
    // "does shop-agw.contoso.com work for people on the internet, or is it office-only?": who outside gets in
    [
      new RegExp(
        String.raw`\b(works?|working|available|usable|up)\b.{0,10}\bfor (people|users|everyone|anyone|customers|` +
          String.raw`visitors|clients)( \w+){0,2} (on|from|across) the (public )?(internet|outside world)\b`,
      ),
      2,
    ],
    new RegExp(
      String.raw`\b(which|what) (gateway|load ?balancer|ingress( controller)?|proxy|app gateway|waf)\b.{0,30}` +
        String.raw`\b(in front|handles?|serves?|fronts?)\b`,
    ),
    /\bhow is\b.{0,60}\b(served|exposed|published)\b/,
    // "is anything published on 51.104.20.30 port 8080?": what a public address of ours publishes on a port is the way
    // in there (a firewall's DNAT rule, a load balancer's rule) https://learn.microsoft.com/azure/firewall/features#inbound-dnat-support
    [
      new RegExp(
        String.raw`\b(anything|something|what('s| is)?|which (app|service|workload|pod)s?)( is| gets?| still)? ` +
          String.raw`(published|exposed|listening|served|forwarded|dnat'?ed)( on| at| behind| via)\b`,
      ),
      2,
    ],
    /\b(lands?|arrives?|enters?)\b.{0,20}\b(on|at|in|through|via)\b/,
    /\b(trace|follow)\b.{0,15}\brequests?\b.{0,80}\b(to|down to) the pods?\b/,
    [/\b(clients?|customers?|users?|visitors?)\s+(at\s+|ip\s+|address\s+|on\s+)?\d{1,3}(\.\d{1,3}){3}\b/, 2],
    /\b(keeps?|preserves?d?|loses?|lost)\b.{0,20}\b(its|the|client'?s?|source|original)\b.{0,10}\b(ip|address)\b/,
    // "is the source preserved", "client ip kept?": the same question said the other way round
    /\b(source|client)( ips?| address(es)?)? (is |are |gets? |stays? )?(preserved|kept|lost)\b/,
    [
      new RegExp(
        String.raw`\bsees?\b.{0,20}\b(their|the client'?s?|the real|the original|the source|clients'?)\b` +
          String.raw`.{0,10}\b(ips?|address(es)?)\b`,
      ),
      2,
    ],
    [
      /\b(reached|reachable|accessible) from (the )?(internet|outside)\b|\b(the )?internet (reach|access|hit|get to)\b/,
      2,
    ],
    // "does web get the buyer's IP or a proxy one?": the one calling in, said as whoever they are, and their address
    [
      new RegExp(
        String.raw`\b(sees?|gets?|receives?|logs?)\b.{0,20}\b(buyer|customer|visitor|user|caller|shopper|player|` +
          String.raw`member|patient|guest)('?s'?)? (real |original |own |public )?(ips?|address(es)?)\b`,
      ),
      2,
    ],
    /\b(terminates?|terminating|termination)\b.{0,10}\b(tls|ssl|https)\b|\b(tls|ssl|https) (is )?terminat/,
    /\binbound\b/,
    // "AGC frontend <id>.<zone>.alb.azure.com -> web": an App Gateway for Containers frontend's FQDN is a way in
    // https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
    [/\b[a-z0-9-]+\.[a-z0-9-]+\.alb\.azure\.com\b|\bagc frontends?\b/, 2],
    // the family's own words ("explain the inbound route … which ip is resolved") outweigh one other cue
    /\binbound (route|path|flow|traffic|requests?|connections?|to|on|at|via)\b/,
    /\b(pods?|backends?|replicas?)\b.{0,10}\b(gets?|receives?|handles?|serves?) (the )?(traffic|requests?)\b/,
    /\bingress path\b/,
    /\b(reach|access|hit|hits)\b.{0,30}\b(route|host|ingress|from (the )?internet|from outside)\b/,
    /\btraffic (to|for|into)\b/,
    /\bwho sees\b.{0,30}\bclient\b/,
    /\b(real |original )?client('s)? ip\b/,
    /\b(through|via) (its |the )?(route|ingress|load ?balancers?|lb)\b/,
    /\b(reached|reachable) from (the )?(internet|outside)\b/,
    /\bget to (route|svc|service|ingress)\b/,
    /\bhow does it get to the pod\b/,
    // "our app is calling the route of sqlapi": a client calling a workload's route comes in by it
    // https://docs.openshift.com/container-platform/4.14/networking/routes/route-configuration.html
    [
      /\b(calls?|calling|hits?|hitting|opens?|opening) (the |its |their )?(route|ingress|public (url|host)) (of|for)\b/,
      2,
    ],
    // "what is the way in?", "how is <host> routed to the pods?"
    [/\b(the )?(way|path|route) in\b|\bentry ?point\b/, 2],
    /\b(routed|forwarded|proxied|sent|load[- ]balanced) (on )?to (the )?([\w-]+ )?(pods?|backends?|workloads?|app)\b/,
    // "how does this host route to web?", "the public URL …, how it arrives to the pod?"
    /\b(host|url|domain|hostname|address)\b.{0,40}\b(routes?|gets?|goes|forwards?|leads?|arrives?) (to|at)\b/,
    // "requests to 20.31.46.20": an address requests come to is a way in
    /\b(requests?|clients?|users?) (sent )?(to|for|hitting) \d{1,3}(\.\d{1,3}){3}\b/,
  ],
  examples: [
    'how does traffic reach route sqlapilb?',
    'inbound sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io',
    'how do clients reach service sqlapilb -n project1',
  ],
  command: 'inbound route/<name> | service/<name> | <host>',
};
