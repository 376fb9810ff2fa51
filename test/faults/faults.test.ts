// Faults injected into the fake ARM and Kubernetes servers, asked through the
// bot over HTTP: every reply comes within the time budget, shows the path as
// far as it got, names the failed lookup and why, is logged, and the bot
// recovers when the fault clears.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import type { Inventory } from '../../src/inventory/inventory';
import { KubeInventory, loadKubeConfig } from '../../src/inventory/kubernetes';
import { LiveInventory } from '../../src/inventory/live';
import { createLogger } from '../../src/log';
import { startServer, type Running } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';
import { FakeKube } from '../helpers/fake-kube';
import { DEMO } from '../helpers/fixtures';
import { liveRig, type LiveRig } from '../helpers/live';

const BUDGET_MS = 10_000;
let rig: LiveRig;
let connector: Connector;
let bot: Running;
let current: Inventory;
const logLines: any[] = [];

/** An inventory that forwards to `current`, so each test can start with cold caches. */
const forward: Inventory = {
  get source() {
    return current.source;
  },
  cluster: () => current.cluster(),
  list: (k) => current.list(k),
  azure: {
    get: (k, id) => current.azure.get(k, id),
    list: (k, s) => current.azure.list(k, s),
    nicsOfVm: (id) => current.azure.nicsOfVm(id),
  },
};

beforeAll(async () => {
  rig = await liveRig(DEMO, { timeoutMs: 1000, maxRetries: 1 });
  current = rig.inventory;
  connector = await new Connector().start();
  const stream = new Writable({
    write(c, _e, cb) {
      for (const l of String(c).split('\n').filter(Boolean)) logLines.push(JSON.parse(l));
      cb();
    },
  });
  bot = await startServer(
    loadConfig({
      PORT: '0',
      PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0',
      PACKET_PATH_TURN_BUDGET_MS: String(BUDGET_MS),
      // the final answer is the first reply (SDK retries of a 5xx can pass the default 2 s on a busy machine)
      PACKET_PATH_SLOW_REPLY_MS: String(BUDGET_MS - 1000),
    }),
    { inventory: forward, logger: createLogger('info', stream) },
  );
}, 60000);
afterAll(async () => {
  await bot.close();
  await connector.stop();
  await rig.stop();
});
beforeEach(() => {
  rig.arm.faults.length = 0;
  current = new LiveInventory(rig.inventory.kube, rig.freshArm());
});

let n = 0;
async function askBot(text: string) {
  const activity = messageActivity(connector.url, text, {
    conversation: {
      id: `fault-${++n}`,
      conversationType: 'personal',
      tenantId: 't',
    },
  });
  const sent = Date.now();
  await post(`http://127.0.0.1:${bot.port}/api/messages`, activity);
  // the budget is the deadline: a reply that does not come within it fails the test
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id), BUDGET_MS + 2000);
  const reply = connector.messages().find((m) => m.body.replyToId === activity.id)!.body;
  const ms = Date.now() - sent;
  // the audit line is written when the turn ends, just after the reply
  await connector.waitFor(
    () => logLines.some((l) => l.conversation === activity.conversation.id && l.msg === 'turn'),
    5000,
  );
  const log = logLines.find((l) => l.conversation === activity.conversation.id && l.msg === 'turn');
  return {
    reply,
    // a card reply has no text of its own: the whole answer is the card's fallbackText
    text: (reply.text ?? reply.attachments?.[0]?.content?.fallbackText) as string,
    card: JSON.stringify(reply.attachments?.[0]?.content ?? {}),
    log,
    ms,
  };
}

const EGRESS = "what's the public IP of pod sqlapi?";

describe('Azure Resource Manager faults', () => {
  test('429 with Retry-After: the SDK waits and retries, the answer is complete', async () => {
    rig.arm.faults.push({
      status: 429,
      match: /loadBalancers/i,
      times: 1,
      retryAfterSeconds: 1,
    });
    const before = rig.arm.requestsTo(/loadBalancers/i).length;
    const r = await askBot(EGRESS);
    expect(r.text).toMatch(/reaches the Internet as 20\.105\.84\.161/);
    expect(r.text).not.toMatch(/Could not check/);
    expect(rig.arm.requestsTo(/loadBalancers/i).length - before).toBe(2);
  });

  test.each([500, 503])(
    '%i on the load balancer listing: partial path, the failure named, logged; recovers',
    async (status) => {
      rig.arm.faults.push({
        status: status as 500 | 503,
        match: /loadBalancers/i,
      });
      const r = await askBot(EGRESS);
      expect(r.ms).toBeLessThan(BUDGET_MS);
      expect(r.text).toMatch(/Could not check:/);
      expect(r.text).toMatch(
        new RegExp(`load balancers in resource group aro2-resources: ${status}: Azure Resource Manager failed`),
      );
      expect(r.card).toContain('Could not check');
      expect(
        r.reply.attachments[0].content.body.some(
          (b: any) => b.type === 'Container' && JSON.stringify(b).includes('Path'),
        ),
      ).toBe(true);
      expect(r.log.lookupsFailed[0].reason).toMatch(new RegExp(`^${status}`));
      rig.arm.faults.length = 0;
      const again = await askBot(EGRESS);
      expect(again.text).toMatch(/reaches the Internet as 20\.105\.84\.161/);
    },
  );

  test('a hang past the timeout: answered within the budget, naming the lookup that did not answer', async () => {
    rig.arm.faults.push({ status: 'hang', match: /networkInterfaces/i });
    const r = await askBot(EGRESS);
    expect(r.text).toMatch(/network interfaces .*: Azure did not answer in time/);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  test('403 on one resource group names the missing role and the scope', async () => {
    rig.arm.faults.push({
      status: 403,
      match: /resourceGroups\/aro2-resources\//i,
    });
    const r = await askBot(EGRESS);
    expect(r.text).toMatch(
      /needs Reader on \/subscriptions\/e7da9914-9b05-4891-893c-546cb7b0422e\/resourceGroups\/aro2-resources/,
    );
    expect(r.reply.attachments[0].content.body[0].text).toBeDefined();
  });

  test('404 for the subnet (another resource group): said so, the rest still shown', async () => {
    rig.arm.faults.push({ status: 404, match: /subnets\/worker-subnet/i });
    const r = await askBot(EGRESS);
    expect(r.text).toMatch(
      /subnet worker-subnet: not found: .*worker-subnet \(the VNet is often in another resource group than the nodes\)/,
    );
    expect(r.text).toMatch(/20\.105\.84\.161/); // the load balancer rule still decides egress
  });
});

describe('Kubernetes API faults', () => {
  async function kubeOnly(fault: 'down' | 'unauthorized') {
    const fake = await FakeKube.fromSnapshotDir(DEMO).start();
    fake.fault = fault;
    const file = join(mkdtempSync(join(tmpdir(), 'kc-')), 'config');
    writeFileSync(
      file,
      fault === 'unauthorized'
        ? fake.kubeconfigYaml().replace(/token: .*/, 'token: fake-kube-token')
        : fake.kubeconfigYaml(),
    );
    const prev = process.env.KUBECONFIG;
    process.env.KUBECONFIG = file;
    const kube = new KubeInventory({
      kubeConfig: loadKubeConfig(),
      restartDelayMs: 100,
    });
    if (prev === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = prev;
    kube.start().catch(() => undefined);
    return { fake, kube };
  }

  test.each([
    ['down', /cannot reach the Kubernetes API|503/],
    ['unauthorized', /401/],
  ] as const)('API %s: the reply says pods could not be read and why; recovers', async (fault, why) => {
    const { fake, kube } = await kubeOnly(fault);
    try {
      current = new LiveInventory(kube, rig.freshArm());
      const r = await askBot(EGRESS);
      expect(r.text).toMatch(/could not list pods/);
      expect(r.card).toMatch(why);
      expect(JSON.stringify(r.log.lookupsFailed)).toMatch(why);
      fake.fault = null;
      const deadline = Date.now() + 15000;
      let ok = await askBot(EGRESS);
      while (!/20\.105\.84\.161/.test(ok.text) && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 200));
        ok = await askBot(EGRESS);
      }
      expect(ok.text).toMatch(/reaches the Internet as 20\.105\.84\.161/);
    } finally {
      await kube.stop();
      await fake.stop();
    }
  });

  const newPod = (name: string, ip: string) => {
    const pods = JSON.parse(readFileSync(join(DEMO, 'kubernetes', 'pods.json'), 'utf8')).items;
    const p = JSON.parse(JSON.stringify(pods.find((x: any) => x.metadata.name === 'sqlapi-1-8jgx8')));
    Object.assign(p.metadata, {
      name,
      uid: `${name}-uid`,
      labels: { app: name },
      resourceVersion: undefined,
    });
    p.status.podIP = ip;
    p.status.podIPs = [{ ip }];
    return p;
  };

  async function eventually(text: string, pattern: RegExp) {
    const deadline = Date.now() + 15000;
    let r = await askBot(text);
    while (!pattern.test(r.text) && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 200));
      r = await askBot(text);
    }
    return r;
  }

  test('a watch dropped mid-stream resumes: a pod created afterwards is answered', async () => {
    rig.kube.fault = 'drop-watches';
    await new Promise((res) => setTimeout(res, 300));
    rig.kube.fault = null;
    rig.kube.upsert(newPod('billing-1-a1b2c', '10.129.2.61'));
    const r = await eventually('where is pod billing', /10\.129\.2\.61/);
    expect(r.text).toMatch(/billing-1-a1b2c \(project1\) runs on node/);
  });

  test('410 Gone: the informer lists again and the cache catches up', async () => {
    rig.kube.fault = 'gone';
    rig.kube.upsert(newPod('ledger-1-d3e4f', '10.129.2.62'));
    await new Promise((res) => setTimeout(res, 300));
    rig.kube.fault = null;
    const r = await eventually('where is pod ledger', /10\.129\.2\.62/);
    expect(r.text).toMatch(/ledger-1-d3e4f \(project1\) runs on node/);
  });
});
