// The deployed process measured: `node dist/src/server.js` started live against the
// fake Kubernetes and ARM servers through the settings a user sets (KUBECONFIG,
// PACKET_PATH_LIVE, PACKET_PATH_ARM_ENDPOINT, PACKET_PATH_ARM_CA_FILE, and a local
// managed identity endpoint for DefaultAzureCredential), with the node flags and
// environment of the image (Dockerfile CMD and ENV), its RSS read from
// /proc/<pid>/status when /readyz says the caches are synced, then the family
// questions asked over POST /api/messages (replies to a local connector) and its RSS
// read again. VmHWM is the peak RSS so far.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServerFigures {
  /** until /readyz answers 200 (informers synced), from the spawn */
  serverReadyMs: number;
  /** VmRSS when ready, after the Azure warm-up settled */
  serverRssMb: number;
  /** VmHWM (peak RSS) up to then: the sync's peak */
  serverPeakRssMb: number;
  serverRssAfterQuestionsMb: number;
  serverPeakRssAfterQuestionsMb: number;
  /** per family, warm p95 of POST /api/messages (answer and reply to the connector included) */
  serverWarmP95Ms: Record<string, number>;
  /** the node flags and environment the image starts it with (Dockerfile), used here too */
  serverNodeFlags: string[];
  serverImageEnv: Record<string, string>;
}

/** VmRSS and VmHWM of a process, MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as { port: number }).port;
};

/** Managed identity, App Service protocol (IDENTITY_ENDPOINT, IDENTITY_HEADER): any token, the fake ARM takes it. */
const identityEndpoint = () =>
  createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    const expires = String(Math.floor(Date.now() / 1000) + 86400);
    res.end(JSON.stringify({ access_token: 'bench-token', expires_on: expires, token_type: 'Bearer' }));
  });

/** The Bot Framework connector the replies go to: counts them. */
export function connector() {
  let replies = 0;
  const server = createServer((req, res) => {
    let d = '';
    req.on('data', (c) => (d += c));
    req.on('end', () => {
      if (d.includes('"type":"message"')) replies++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  return { server, replies: () => replies };
}

async function until(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error(`server: ${what} not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How the image starts the server (Dockerfile): the node flags of its CMD and the environment of its ENV lines. */
function imageLaunch(): { flags: string[]; env: Record<string, string> } {
  const docker = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const cmd = JSON.parse(/^CMD\s+(\[.*\])\s*$/m.exec(docker)?.[1] ?? '[]') as string[];
  const server = cmd.indexOf('dist/src/server.js');
  if (cmd[0] !== 'node' || server < 0) throw new Error('Dockerfile: CMD is not ["node", …, "dist/src/server.js"]');
  const env: Record<string, string> = {};
  for (const line of docker.match(/^ENV\s+.*$/gm) ?? [])
    for (const [, k, v] of line.matchAll(/(\w+)=(\S+)/g)) if (k !== 'PORT') env[k] = v;
  return { flags: cmd.slice(1, server), env };
}

const pct95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];

export async function benchServer(o: {
  kubeconfig: string;
  armUrl: string;
  ca: string;
  /** [family, question] */
  questions: [string, string][];
  warmRuns: number;
}): Promise<ServerFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const caFile = join(dir, 'arm-ca.pem');
  writeFileSync(caFile, o.ca);
  const msi = identityEndpoint();
  const msiPort = await listen(msi);
  const conn = connector();
  const serviceUrl = `http://127.0.0.1:${await listen(conn.server)}`;
  const image = imageLaunch();
  const t0 = Date.now();
  const child = spawn(process.execPath, [...image.flags, join(ROOT, 'dist', 'src', 'server.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...image.env,
      PORT: '0',
      KUBECONFIG: o.kubeconfig,
      PACKET_PATH_LIVE: 'true',
      // no Bot Framework credentials here: live data then needs the explicit flag (loopback only)
      PACKET_PATH_INSECURE_NO_AUTH: 'true',
      PACKET_PATH_ARM_ENDPOINT: o.armUrl,
      PACKET_PATH_ARM_CA_FILE: caFile,
      // SNAT metrics (egress answers read them) from the fake ARM server, which has none: a quick 404, not the
      // public Azure Monitor endpoint this machine cannot reach
      PACKET_PATH_METRICS_ENDPOINT: o.armUrl,
      PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0',
      IDENTITY_ENDPOINT: `http://127.0.0.1:${msiPort}/msi/token`,
      IDENTITY_HEADER: 'bench',
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + d).slice(-4000)));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out = (out + d).slice(-8000);
        const m = /"port":(\d+)/.exec(out);
        if (m) {
          child.stdout!.off('data', onData);
          // BENCH_SERVER_LOG=FILE keeps the server's log lines
          if (process.env.BENCH_SERVER_LOG) child.stdout!.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
          else child.stdout!.resume();
          resolve(+m[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    await until('/readyz', 600_000, async () => (await fetch(`${base}/readyz`)).ok);
    const serverReadyMs = Date.now() - t0;
    // the Azure warm-up runs in the background from the start: let it settle (RSS steady for 3 s)
    let last = memoryOf(child.pid!).rss;
    for (let steady = 0; steady < 3;) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = memoryOf(child.pid!).rss;
      steady = Math.abs(now - last) <= 2 ? steady + 1 : 0;
      last = now;
    }
    const ready = memoryOf(child.pid!);
    let n = 0;
    const ask = async (text: string) => {
      n++;
      const t = performance.now();
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m${n}`,
          channelId: 'msteams',
          serviceUrl,
          text,
          from: { id: 'u1', aadObjectId: 'a1' },
          recipient: { id: 'bot' },
          conversation: { id: `c${n}`, conversationType: 'personal', tenantId: 't' },
        }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`server: ${text}: HTTP ${res.status}`);
      return performance.now() - t;
    };
    const serverWarmP95Ms: Record<string, number> = {};
    for (const [family, question] of o.questions) {
      await ask(question);
      const warm: number[] = [];
      for (let i = 0; i < o.warmRuns; i++) warm.push(await ask(question));
      serverWarmP95Ms[family] = Math.round(pct95(warm) * 10) / 10;
    }
    await until('every reply', 30_000, async () => conn.replies() >= n);
    const after = memoryOf(child.pid!);
    return {
      serverReadyMs,
      serverRssMb: ready.rss,
      serverPeakRssMb: ready.hwm,
      serverRssAfterQuestionsMb: after.rss,
      serverPeakRssAfterQuestionsMb: after.hwm,
      serverWarmP95Ms,
      serverNodeFlags: image.flags,
      serverImageEnv: image.env,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    msi.close();
    conn.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
