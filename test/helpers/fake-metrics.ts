// A local fake of the Azure Monitor metrics batch API for tests: HTTPS on 127.0.0.1 with a self-signed
// certificate made at start (openssl), `POST /subscriptions/{sub}/metrics:getBatch` with the real query string
// (metricnamespace, metricnames, aggregation, filter, starttime, endtime, top) and body (`{"resourceids": [...]}`),
// answering `{"values": [{starttime, endtime, interval, namespace, resourceregion, resourceid, value: [...]}]}` from
// `az monitor metrics list` documents, with ARM error bodies and injectable faults.
//
//   const fake = await new FakeMetrics().serve(lbId, doc).start();
//   const metrics = new MonitorMetrics({ credential: testCredential(), endpoint: fake.url, ca: fake.ca });
//   ...
//   await fake.stop();
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MetricsFault {
  status: 401 | 403 | 429 | 500 | 'hang';
  /** how many requests get the fault; default: all */
  times?: number;
}

export interface MetricsRequest {
  path: string;
  query: URLSearchParams;
  resourceIds: string[];
  authorization?: string;
  status: number;
}

let cert: { key: string; cert: string } | undefined;
function selfSigned(): { key: string; cert: string } {
  if (cert) return cert;
  const dir = mkdtempSync(join(tmpdir(), 'fake-metrics-cert-'));
  try {
    const [key, crt] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'];
    execFileSync('openssl', [...args, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', crt], {
      stdio: 'pipe',
    });
    cert = { key: readFileSync(key, 'utf8'), cert: readFileSync(crt, 'utf8') };
    return cert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
const nameOf = (n: any): string => (typeof n === 'string' ? n : (n?.value ?? ''));

/** `A eq '*' and B eq 'failed'` → the dimensions named, with a value ('*' = any). */
function parseFilter(filter: string | null): { dim: string; value: string }[] {
  if (!filter) return [];
  return filter
    .split(/\s+and\s+/i)
    .map((c) => /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(c))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ dim: m[1], value: m[2] }));
}

const armError = (code: string, message: string) => ({ error: { code, message } });

export class FakeMetrics {
  /** documents by lower-case resource ID */
  private readonly docs = new Map<string, any>();
  readonly requests: MetricsRequest[] = [];
  faults: MetricsFault[] = [];
  private server?: https.Server;
  url = '';
  ca = '';

  /** Serve an `az monitor metrics list` document (or an array of them) for a resource. */
  serve(resourceId: string, doc: unknown): this {
    const docs = Array.isArray(doc) ? doc : [doc];
    this.docs.set(resourceId.toLowerCase(), { ...docs[0], value: docs.flatMap((d: any) => d.value) });
    return this;
  }

  async start(): Promise<this> {
    const { key, cert: crt } = selfSigned();
    this.ca = crt;
    this.server = https.createServer({ key, cert: crt }, (req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    let body: any = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      // answered below as a bad request
    }
    const entry: MetricsRequest = {
      path: url.pathname,
      query: url.searchParams,
      resourceIds: body?.resourceids ?? [],
      authorization: req.headers.authorization,
      status: 0,
    };
    this.requests.push(entry);
    const send = (status: number, payload: unknown) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json', 'x-ms-request-id': String(this.requests.length) });
      res.end(JSON.stringify(payload));
    };
    const fault = this.faults.find((f) => f.times === undefined || f.times > 0);
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      if (fault.status === 'hang') return; // never answered: the client's timeout decides
      const code = {
        401: 'InvalidAuthenticationToken',
        403: 'AuthorizationFailed',
        429: 'TooManyRequests',
        500: 'InternalServerError',
      }[fault.status];
      const message =
        fault.status === 403
          ? `The client does not have authorization to perform action 'Microsoft.Insights/metrics/read' over scope '${entry.resourceIds[0]}'`
          : code;
      return send(fault.status, armError(code, message));
    }
    if (req.method !== 'POST' || !/^\/subscriptions\/[^/]+\/metrics:getBatch$/i.test(url.pathname))
      return send(404, armError('NotFound', `no such operation ${req.method} ${url.pathname}`));
    if (!/^Bearer \S+/.test(req.headers.authorization ?? ''))
      return send(401, armError('AuthenticationFailed', 'no bearer token'));
    if (!url.searchParams.get('api-version') || !url.searchParams.get('metricnamespace') || !entry.resourceIds.length)
      return send(
        400,
        armError('BadRequest', 'api-version, metricnamespace, metricnames and resourceids are required'),
      );
    send(200, { values: entry.resourceIds.map((id) => this.answer(id, url.searchParams)) });
  }

  /** One resource's metrics as the batch API returns them: the names, filter, aggregation and window asked. */
  private answer(resourceId: string, q: URLSearchParams): unknown {
    const doc = this.docs.get(resourceId.toLowerCase()) ?? { value: [] };
    const names = (q.get('metricnames') ?? '').split(',').map(norm);
    const aggs = (q.get('aggregation') ?? 'average').split(',').map((a) => a.trim().toLowerCase());
    const filter = parseFilter(q.get('filter'));
    const start = Date.parse(q.get('starttime') ?? '') || -Infinity;
    const end = Date.parse(q.get('endtime') ?? '') || Infinity;
    const top = Number(q.get('top') ?? 10);
    const value = doc.value
      .filter((m: any) => names.includes(norm(nameOf(m.name))))
      .map((m: any) => ({
        ...m,
        timeseries: (m.timeseries ?? [])
          .filter((s: any) =>
            filter.every((f) => {
              const v = (s.metadatavalues ?? []).find((d: any) => norm(nameOf(d.name)) === norm(f.dim))?.value;
              return v !== undefined && (f.value === '*' || norm(v) === norm(f.value));
            }),
          )
          .slice(0, filter.length ? top : undefined)
          .map((s: any) => ({
            ...s,
            data: (s.data ?? [])
              .filter((p: any) => Date.parse(p.timeStamp) >= start && Date.parse(p.timeStamp) < end)
              .map((p: any) =>
                Object.fromEntries(Object.entries(p).filter(([k]) => k === 'timeStamp' || aggs.includes(k))),
              ),
          })),
      }));
    return {
      starttime: q.get('starttime'),
      endtime: q.get('endtime'),
      interval: q.get('interval') ?? 'PT1M',
      namespace: q.get('metricnamespace'),
      resourceregion: doc.resourceregion ?? 'westeurope',
      resourceid: resourceId,
      value,
    };
  }
}
