// Finding 4 (issue 16): every kind of planted secret stays out of the capture folder, the replies and the logs.
// The cluster is live (fake Kubernetes and ARM servers over HTTP), so Route TLS keys are also checked at ingestion.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { capture } from '../../src/inventory/capture';
import { createLogger } from '../../src/log';
import { startServer } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';
import { demoCopy, edit } from '../helpers/fixtures';
import { liveRig, type LiveRig } from '../helpers/live';

/** One marker per way a secret can hide, so a leak names its way. */
const S = {
  envByName: 'CanaryEnvByName1x',
  envShortB64: 'Q2FuYXJ5QjY0', // "CanaryB64", padded to no length in particular
  envRandomish: 'Kx9Tq2Lm7Wv4Rz8Yq',
  urlPassword: 'CanaryUrlPw3x',
  args: 'CanaryArgs4x',
  command: 'CanaryCommand5x',
  initEnv: 'CanaryInitEnv6x',
  initArgs: 'CanaryInitArgs6y',
  ephemeral: 'CanaryEphemeral7x',
  annotationUrl: 'CanaryAnnUrl8x',
  annotationJson: 'CanaryAnnJson9x',
  annotationAllowedPrefix: 'CanaryAnnOvn10x',
  routeKey: 'CanaryRouteKey11x',
  routeCert: 'CanaryRouteCert12x',
  azureTagByName: 'CanaryTagPw13x',
  azureTagFreeText: 'CanaryTagNotes14x',
};

function plant(dir: string): void {
  edit(dir, 'kubernetes/pods.json', (d) => {
    const pod = d.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
    const c = pod.spec.containers[0];
    c.env.push(
      { name: 'DB_PWD', value: S.envByName },
      { name: 'LOOKS_HARMLESS', value: `${S.envShortB64}==` },
      { name: 'ALSO_HARMLESS', value: S.envRandomish },
      { name: 'DATABASE_URL', value: `postgres://admin:${S.urlPassword}@server.project1.svc.cluster.local:5432/db` },
      { name: 'QUEUE_URL', value: `amqp://guest:${S.urlPassword}@server.project1.svc:5672/` },
    );
    c.args = [`--db-password=${S.args}`];
    c.command = ['sh', '-c', `run --conn "Server=x;Password=${S.command}"`];
    pod.spec.initContainers = [
      { name: 'init', image: 'busybox', env: [{ name: 'SETTING', value: S.initEnv }], args: [S.initArgs] },
    ];
    pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox', env: [{ name: 'X', value: S.ephemeral }] }];
    pod.metadata.annotations['example.com/config'] = `https://user:${S.annotationUrl}@vault.example.com/v1`;
    pod.metadata.annotations['example.com/settings'] = JSON.stringify({ db: { host: 'x', pw: S.annotationJson } });
    pod.metadata.annotations['k8s.ovn.org/pod-extra'] = JSON.stringify({ password: S.annotationAllowedPrefix });
  });
  edit(dir, 'kubernetes/routes.json', (d) => {
    d.items[0].spec.tls = {
      termination: 'edge',
      key: `-----BEGIN PRIVATE KEY-----\n${S.routeKey}\n-----END PRIVATE KEY-----`,
      certificate: `-----BEGIN CERTIFICATE-----\n${S.routeCert}\n-----END CERTIFICATE-----`,
    };
  });
  for (const f of readdirSync(join(dir, 'azure')))
    edit(dir, `azure/${f}`, (d) => {
      for (const item of Array.isArray(d) ? d : (d.value ?? [d]))
        item.tags = {
          Password: S.azureTagByName,
          notes: `rotate ${S.azureTagFreeText} monthly`,
          'aks-managed-cluster-name': 'aro2',
        };
    });
}

/** Every file under dir, as text. */
const allText = (dir: string): string =>
  readdirSync(dir)
    .map((f) => join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? allText(p) : readFileSync(p, 'utf8')))
    .join('\n');

const leaks = (text: string): string[] =>
  Object.entries(S)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);

let rig: LiveRig;
let connector: Connector;
beforeAll(async () => {
  const dir = demoCopy();
  plant(dir);
  rig = await liveRig(dir);
  connector = await new Connector().start();
}, 60_000);
afterAll(async () => {
  await rig?.stop();
  await connector?.stop();
});

test('Route TLS keys are dropped as the watch delivers them; how TLS terminates is kept', async () => {
  const routes = await rig.inventory.list('Route');
  expect(routes[0].spec?.tls).toEqual({ termination: 'edge' });
  expect(leaks(JSON.stringify(routes))).toEqual([]);
});

test('no planted secret in the capture folder; what the rules read is still there', async () => {
  const out = mkdtempSync(join(tmpdir(), 'capture-secrets-'));
  await capture(rig.inventory, rig.inventory.azure, out);
  const text = allText(out);
  expect(leaks(text)).toEqual([]);
  // the fields the rules read survive: env pointing at a service (as scheme://host:port), OVN annotations, tags AKS sets
  const pods = JSON.parse(readFileSync(join(out, 'kubernetes', 'pods.json'), 'utf8'));
  const pod = pods.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
  const env = Object.fromEntries(pod.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
  expect(env.DATABASE_URL).toBe('postgres://server.project1.svc.cluster.local:5432');
  expect(env.SQL_SERVER_FQDN).toBe('server.project1.svc.cluster.local');
  expect(env.SQL_SERVER_PASSWORD).toEqual({ secretKeyRef: { name: 'sqlpassword', key: 'password' } });
  expect(pod.spec.initContainers).toBeUndefined();
  expect(pod.spec.containers[0].args).toBeUndefined();
  expect(readdirSync(join(out, 'azure')).length).toBeGreaterThan(0);
  expect(text).toContain('aks-managed-cluster-name');
  const routes = JSON.parse(readFileSync(join(out, 'kubernetes', 'routes.json'), 'utf8'));
  expect(routes.items[0].spec.tls).toEqual({ termination: 'edge' });
  const nodes = readFileSync(join(out, 'kubernetes', 'nodes.json'), 'utf8');
  expect(nodes).toContain('providerID');
}, 60_000);

test('no planted secret in any reply (card, text, "Show all") or log line', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const bot = await startServer(loadConfig({ PORT: '0', PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0' }), {
    inventory: rig.inventory,
    logger: createLogger('debug', stream),
  });
  const asks: Record<string, unknown>[] = [
    { text: 'where is pod sqlapi?' },
    { value: { question: 'where is pod sqlapi?', full: true } },
    { text: 'how does traffic reach route sqlapilb' },
    { text: 'what source IP does server see from sqlapi' },
    { text: 'public ip of sqlapi' },
    { text: `what is ${S.envByName}` },
  ];
  try {
    for (const [i, extra] of asks.entries()) {
      const a = messageActivity(connector.url, (extra.text as string) ?? '', {
        ...extra,
        conversation: { id: `c-plant-${i}`, conversationType: 'personal', tenantId: 't' },
      });
      await post(`http://127.0.0.1:${bot.port}/api/messages`, a);
      await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === a.id));
    }
  } finally {
    await bot.close();
  }
  const replies = JSON.stringify(connector.messages().map((m) => m.body));
  // the question that names a secret is echoed back to its asker: only that marker, only in the question itself
  expect(leaks(replies).filter((k) => k !== 'envByName')).toEqual([]);
  expect(replies).toContain('postgres://server.project1.svc.cluster.local:5432');
  expect(replies).toContain('amqp://server.project1.svc:5672');
  expect(leaks(lines.join('')).filter((k) => k !== 'envByName')).toEqual([]);
}, 60_000);
