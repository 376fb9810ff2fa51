// GET /privacy and GET /terms: the pages the Teams app manifest links to (developer.privacyUrl, termsOfUseUrl).
// Plain HTML with no external assets, describing what this deployment reads, keeps and logs.
import type { ServerResponse } from 'node:http';
import type { Config } from '../config';
import type { Request, Router } from './router';

export const PAGE_PATHS = { privacy: '/privacy', terms: '/terms' } as const;
type Page = keyof typeof PAGE_PATHS;

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const html = (title: string, body: string): string =>
  [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}</style>',
    `</head><body><h1>${escape(title)}</h1>`,
    body,
    '</body></html>',
  ].join('\n');

/** Where conversation state lives, as configured (never the connection string). */
const stateWhere = (c: Config): string =>
  c.PACKET_PATH_STATE_BLOB_CONNECTION_STRING
    ? `in the Azure Blob Storage container <code>${escape(c.PACKET_PATH_STATE_BLOB_CONTAINER)}</code> of the ` +
      'operator’s storage account'
    : 'in the bot’s memory only (at most 10,000 conversations; a conversation idle for 24 hours is dropped, and ' +
      'everything is gone when the bot restarts)';

function privacy(c: Config): string {
  const limit = c.PACKET_PATH_RATE_LIMIT_PER_MINUTE;
  const rate = limit === 0 ? 'without a limit' : `${limit} questions a minute`;
  return html(
    'packet-path — privacy',
    `<p>packet-path is a read-only Microsoft Teams bot run by your organisation. It answers questions about the
network path of Kubernetes workloads (Azure Red Hat OpenShift, AKS).</p>
<h2>What it reads</h2>
<p>Your message to the bot, with the Teams ids that come with it (tenant, team, channel, conversation, your user
id and display name). To answer, it reads Kubernetes objects (pods, services, endpoints, nodes, namespaces,
ingresses, network policies, Gateway API and OpenShift routes, egress IPs) and Azure network resources (load
balancers, public IPs, NAT gateways, network interfaces, network security groups, virtual networks, route tables,
firewalls, application gateways) with read-only permissions. It
never reads Kubernetes Secrets or ConfigMaps, drops TLS keys from routes as it reads them, and changes nothing.</p>
<h2>What it keeps</h2>
<p>Per conversation: whether it greeted you, the last kind of question, namespace and cluster (for follow-up
questions) and the state of an open dialog — kept ${stateWhere(c)}. Cluster and Azure listings are cached in
memory for a short time. Nothing else is stored.</p>
<h2>What it logs</h2>
<p>One line per message, to the bot’s standard output (kept as long as your operator’s log retention): a
correlation id, the client IP address, tenant, conversation, your user id and display name, the question, what
it understood, the answer, lookups that failed, and the time taken — every field length-capped. Secret values
(passwords, tokens, keys, connection strings) are never shown or logged.</p>
<h2>Who sees it</h2>
<p>Answers go back only to the conversation that asked, through the Microsoft Bot Framework. Besides the
lookups above (the Kubernetes API and Azure Resource Manager), the bot sends nothing anywhere. Each user may ask
${rate}.</p>
<p>Questions about this data: contact the team that runs this bot in your organisation.</p>
<p><a href="${PAGE_PATHS.terms}">Terms of use</a></p>`,
  );
}

function terms(): string {
  return html(
    'packet-path — terms of use',
    `<p>packet-path is provided by your organisation for its own staff, as is, without warranty (MIT licence).</p>
<ul>
<li>It only reads: it explains network paths and lists the <code>az</code> and <code>kubectl</code> commands that
verify them; it never changes a cluster or an Azure resource.</li>
<li>Answers are computed from the data available when you ask (a live cluster, a snapshot, or the bundled demo,
which every demo answer says). They can be incomplete or out of date: check them with the commands given before
you act on them.</li>
<li>Ask only about systems you are allowed to see. Your organisation decides who may use the bot and which
clusters it answers about.</li>
<li>Use is logged as described in the <a href="${PAGE_PATHS.privacy}">privacy statement</a>.</li>
</ul>`,
  );
}

/** Serves the privacy and terms pages (GET and HEAD) on the bot's own host. */
export function pages(router: Router, config: Config): void {
  const body: Record<Page, string> = { privacy: privacy(config), terms: terms() };
  for (const page of Object.keys(PAGE_PATHS) as Page[]) {
    const send = (req: Request, res: ServerResponse) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(body[page]),
        // nothing to load from anywhere: inline style only, no scripts, no frames
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : body[page]);
    };
    router.on(['GET', 'HEAD'], PAGE_PATHS[page], send);
  }
}
