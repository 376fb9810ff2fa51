// `npm run bench`: figures for the README's Performance section.
//  - per question family on synthetic clusters served by the fake Kubernetes and
//    ARM servers (child process, injected ARM latency): ARM requests and
//    sequential rounds of a cold question, cold/warm latency, 100 concurrent
//    identical questions; informer sync time, RSS and heap right after the
//    sync, RSS after the questions; the average pod JSON size served;
//  - the seed's manual procedure replayed as single calls (the baseline);
//  - message throughput of POST /api/messages with a local connector (a figure,
//    not a target: a Teams tenant asks a few questions a minute).
// Writes bench/results.json and prints a table.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { NetworkManagementClient } from '@azure/arm-network';
import autocannon from 'autocannon';
import { ask } from '../src/answer';
import { ArmInventory } from '../src/inventory/azure';
import { KubeInventory, loadKubeConfig } from '../src/inventory/kubernetes';
import { LiveInventory } from '../src/inventory/live';
import { testCredential } from '../test/helpers/fake-arm';
import { SIZES, NODE_RG, SUBSCRIPTION, type writeSynthetic } from './synthetic';
import { benchServer, connector as localConnector } from './server';
import { benchWarm } from './warm';
import { startFakes } from './fakes-process';

const ROOT = join(__dirname, '..', '..');
const LATENCY = Number(process.env.BENCH_ARM_LATENCY_MS ?? 100);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 50);
const SIZE_NAMES = (process.env.BENCH_SIZES ?? 'small,medium,large').split(',');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Sequential rounds: a request that starts after the injected latency has passed since the round began opens a new
 * round.
 */
function rounds(starts: number[]): number {
  let n = 0;
  let start = -Infinity;
  for (const t of [...starts].sort((a, b) => a - b)) {
    if (t - start >= LATENCY * 0.8) {
      n++;
      start = t;
    }
  }
  return n;
}

/** The fake servers in a child process, serving a synthetic cluster of the size it generates there. */
const fakes = (dir: string, size: string) =>
  startFakes<{
    kubeconfig: string;
    armUrl: string;
    ca: string;
    names: ReturnType<typeof writeSynthetic>;
    avgPodJsonBytes: number;
  }>(dir, LATENCY, size);

interface FamilyResult {
  family: string;
  question: string;
  armRequests: number;
  armRounds: number;
  coldMs: number;
  warmP50Ms: number;
  warmP95Ms: number;
  concurrentArmRequests: number;
  concurrentP95Ms: number;
}

async function benchSize(name: string) {
  const size = SIZES[name];
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const f = await fakes(dir, name);
  const names = f.names;
  process.env.KUBECONFIG = f.kubeconfig;
  const kube = new KubeInventory({ kubeConfig: loadKubeConfig() });
  const syncStart = Date.now();
  await kube.start();
  const syncMs = Date.now() - syncStart;
  global.gc?.();
  const afterSync = process.memoryUsage();
  const starts: number[] = [];
  const arm = () =>
    new ArmInventory({
      credential: testCredential(),
      endpoint: f.armUrl,
      ca: f.ca,
      onRequest: () => starts.push(Date.now()),
    });
  const ns = names.namespace;
  const questions: [string, string][] = [
    ['egress', `public ip of pod ${names.pod} -n ${ns}`],
    ['inbound', `how does traffic reach service ${names.lbService!.name} -n ${names.lbService!.namespace}`],
    ['east-west', `path ${ns}/${names.pod} -> svc-1.${ns === 'team-1' ? ns : 'team-1'}:80`],
    ['what-is', `what is ${names.lbService!.ip}`],
    ['pod', `where is pod ${names.pod} -n ${ns}`],
    ['load-balancers', 'which load balancers are there'],
    // no pod named: one pod on each node (up to 20) stands for the cluster
    ['cluster egress', 'which IPs do our pods go out to the internet with?'],
  ];
  const families: FamilyResult[] = [];
  for (const [family, question] of questions) {
    const inv = new LiveInventory(kube, arm());
    starts.length = 0;
    let t = performance.now();
    const r = await ask(question, inv);
    const coldMs = performance.now() - t;
    if (r.status !== 'answered' || r.errors.length)
      throw new Error(`${name}/${family}: ${r.status} ${r.answer} ${JSON.stringify(r.errors)}`);
    const cold = [...starts];
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      t = performance.now();
      await ask(question, inv);
      warm.push(performance.now() - t);
    }
    const many = new LiveInventory(kube, arm());
    starts.length = 0;
    const lat = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const s = performance.now();
        await ask(question, many);
        return performance.now() - s;
      }),
    );
    families.push({
      family,
      question,
      armRequests: cold.length,
      armRounds: rounds(cold),
      coldMs: round1(coldMs),
      warmP50Ms: round1(pct(warm, 50)),
      warmP95Ms: round1(pct(warm, 95)),
      concurrentArmRequests: starts.length,
      concurrentP95Ms: round1(pct(lat, 95)),
    });
  }
  global.gc?.();
  const rssAfterQuestionsMb = Math.round(process.memoryUsage().rss / 1048576);

  // the seed's procedure by hand: one az/kubectl call after the other
  const client = new NetworkManagementClient(testCredential(), SUBSCRIPTION, {
    endpoint: f.armUrl,
    tlsOptions: { ca: f.ca },
  });
  const b0 = performance.now();
  let baselineRequests = 0;
  const drain = async (it: AsyncIterable<unknown>) => {
    baselineRequests++;
    for await (const _ of it) void _;
  };
  await drain(client.loadBalancers.list(NODE_RG)); // az network lb list
  for (let i = 0; i < 4; i++) {
    // address-pool list, frontend-ip list, outbound-rule list, rule list: each reads the load balancer
    baselineRequests++;
    await client.loadBalancers.get(NODE_RG, 'kubernetes');
  }
  await drain(client.publicIPAddresses.list(NODE_RG)); // az network public-ip list
  const baselineMs = performance.now() - b0;
  const warmArm = await benchWarm({ kube, armUrl: f.armUrl, ca: f.ca, questions });

  await kube.stop();
  process.stderr.write(`bench: ${name}, the server process…\n`);
  const server = await benchServer({ kubeconfig: f.kubeconfig, armUrl: f.armUrl, ca: f.ca, questions, warmRuns: 20 });
  f.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  return {
    size: name,
    ...size,
    kubeSyncMs: syncMs,
    rssMb: Math.round(afterSync.rss / 1048576),
    heapMb: Math.round(afterSync.heapUsed / 1048576),
    rssAfterQuestionsMb,
    avgPodJsonBytes: f.avgPodJsonBytes,
    families,
    baseline: { armRequests: baselineRequests, ms: round1(baselineMs) },
    ...warmArm,
    ...server,
  };
}

async function throughput() {
  // the bot as deployed (a child process, demo inventory), a local connector here
  const { server: connector, replies } = localConnector();
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}`;
  const bot = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'server.js')], {
    env: {
      ...process.env,
      PORT: '0',
      PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0',
      CI: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    bot.stdout!.on('data', (d) => {
      const m = /"port":(\d+)/.exec(String(d));
      if (m) resolve(+m[1]);
    });
  });
  bot.stdout!.resume();
  let n = 0;
  const questions = [
    "what's the public IP of pod sqlapi?",
    'how does traffic reach route sqlapilb?',
    'what is 10.129.2.7',
    'can sqlapi reach server on 1433?',
  ];
  const body = () => {
    n++;
    return JSON.stringify({
      type: 'message',
      id: `m${n}`,
      channelId: 'msteams',
      serviceUrl,
      text: questions[n % questions.length],
      from: { id: `u${n % 50}`, aadObjectId: `a${n % 50}` },
      recipient: { id: 'bot' },
      conversation: {
        id: `c${n}`,
        conversationType: 'personal',
        tenantId: 't',
      },
    });
  };
  // warm-up, then the measured run
  await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: 16,
    duration: 3,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupClient: (c: any) => c.setBody(body()),
    requests: [{ setupRequest: (r: any) => ({ ...r, body: body() }) }],
  } as any);
  const warmUpReplies = replies();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: 32,
    duration: Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 15),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (r: any) => ({ ...r, body: body() }) }],
  } as any);
  await new Promise((r) => setTimeout(r, 500));
  bot.kill('SIGTERM');
  connector.close();
  const ok = result['2xx'];
  const answered = replies() - warmUpReplies;
  return {
    messagesPerSecond: Math.round(result.requests.average),
    p95Ms: result.latency.p97_5 ?? result.latency.p99,
    p50Ms: result.latency.p50,
    requests2xx: ok,
    non2xx: result.non2xx,
    replies: answered,
    lostReplies: Math.max(0, ok - answered),
  };
}

async function main() {
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1073741824),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  const sizes: Awaited<ReturnType<typeof benchSize>>[] = [];
  for (const s of SIZE_NAMES) {
    process.stderr.write(`bench: ${s}…\n`);
    sizes.push(await benchSize(s));
  }
  process.stderr.write('bench: message throughput…\n');
  const messages = await throughput();
  const file = join(ROOT, 'bench', 'results.json');
  // a run of some sizes (BENCH_SIZES=xl) keeps the other sizes' last figures
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { sizes?: { size: string }[] }) : {};
  const kept = (before.sizes ?? []).filter((x) => !sizes.some((s) => s.size === x.size));
  const order = (x: { size: string }) => ['small', 'medium', 'large', 'xl'].indexOf(x.size);
  const results = {
    machine,
    armLatencyMs: LATENCY,
    warmRuns: WARM_RUNS,
    sizes: [...kept, ...sizes].sort((a, b) => order(a) - order(b)),
    messages,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');

  const rows = [['size', 'family', 'ARM req', 'rounds', 'cold ms', 'warm p50', 'warm p95', '100× req', '100× p95']];
  for (const s of sizes)
    for (const f of s.families)
      rows.push([
        s.size,
        f.family,
        `${f.armRequests}`,
        `${f.armRounds}`,
        `${f.coldMs}`,
        `${f.warmP50Ms}`,
        `${f.warmP95Ms}`,
        `${f.concurrentArmRequests}`,
        `${f.concurrentP95Ms}`,
      ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const out = rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  '));
  out.push('');
  for (const s of sizes) {
    const egress = s.families.find((f) => f.family === 'egress')!;
    out.push(
      `${s.size}: ${s.nodes} nodes, ${s.pods} pods, ${s.services} services, ` +
        `${s.loadBalancers} LBs, ${s.publicIps} public IPs — kube sync ${s.kubeSyncMs} ` +
        `ms (pods ${s.avgPodJsonBytes} B of JSON each), after sync RSS ${s.rssMb} MB / heap ${s.heapMb} MB, ` +
        `RSS after the questions ${s.rssAfterQuestionsMb} MB; the server process: ready in ${s.serverReadyMs} ms, ` +
        `RSS ${s.serverRssMb} MB (peak ${s.serverPeakRssMb}), after the questions ${s.serverRssAfterQuestionsMb} ` +
        `MB (peak ${s.serverPeakRssAfterQuestionsMb}); seed procedure by hand: ${s.baseline.armRequests} ` +
        `ARM calls in ${s.baseline.ms} ms vs cold egress ${egress.armRequests} ` +
        `in ${egress.coldMs} ms (${round1(s.baseline.ms / egress.coldMs)}× faster)`,
    );
  }
  out.push(
    `messages: ${messages.messagesPerSecond}/s, p50 ${messages.p50Ms} ` +
      `ms, p97.5 ${messages.p95Ms} ms, ${messages.requests2xx} answered, ${messages.lostReplies} lost replies`,
  );
  out.push(
    `machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, ` +
      `node ${machine.node}; ARM latency ${LATENCY} ms`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
