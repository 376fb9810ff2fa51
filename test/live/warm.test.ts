// Azure kept warm: after warm-up the answers read listings kept in memory (no
// ARM request on the answer path), a background refresh re-reads them, ARM
// throttling pauses it, failures are the answers' errors as before, every live
// answer says how old its Azure data is, and "refresh" re-reads it.
import { join } from 'node:path';
import { ask, type Memory } from '../../src/answer';
import { renderCard } from '../../src/cards/card';
import { renderText } from '../../src/cards/text';
import type { ArmInventory, ArmOptions } from '../../src/inventory/azure';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { toJson } from '../../src/path/result';
import { DEMO } from '../helpers/fixtures';
import { jsonWithoutAge, liveRig, type LiveRig } from '../helpers/live';

const QUESTIONS = [
  "what's the public IP of pod sqlapi?",
  'how does traffic reach route sqlapilb?',
  'what is 20.105.84.161?',
  'which load balancers are there?',
  'how do clients reach service sqlapilb -n project1',
  'can sqlapi reach server on 1433?',
];
const EGRESS = "what's the public IP of pod sqlapi?";
const NODE_RG_LBS = /\/resourceGroups\/aro2-resources\/providers\/Microsoft\.Network\/loadBalancers$/i;
const SUB = /^\/subscriptions\/e7da9914-9b05-4891-893c-546cb7b0422e\//i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait for a condition on the fake's request log (a bound on the wait only, not an assertion on time). */
async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

let rig: LiveRig;
const arms: ArmInventory[] = [];
beforeAll(async () => {
  rig = await liveRig(DEMO);
});
afterEach(() => {
  arms.splice(0).forEach((a) => a.stop());
  rig.arm.faults.length = 0;
});
afterAll(() => rig.stop());

/** A live inventory kept warm on the fake ARM, after its warm-up. */
async function warm(o: Partial<ArmOptions> = {}, r = rig): Promise<{ arm: ArmInventory; inv: LiveInventory }> {
  const arm = r.freshArm({ refreshMs: 60_000, refreshGapMs: 0, ...o });
  arms.push(arm);
  const inv = new LiveInventory(r.inventory.kube, arm);
  await inv.keepWarm();
  await arm.settled();
  return { arm, inv };
}

describe('after warm-up', () => {
  test('answers send no ARM request and answer like the snapshot', async () => {
    const { inv } = await warm();
    for (const q of QUESTIONS) {
      const before = rig.arm.requests.length;
      const r = await ask(q, inv);
      expect(rig.arm.requests.slice(before).map((x) => x.path)).toEqual([]);
      // the same answer as read on demand (live reads no `az aro show`: a policy note differs from the snapshot)
      expect(jsonWithoutAge(r)).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
    }
  });

  test('VM scale sets: one NIC listing per scale set, none per instance; the hub in another subscription too', async () => {
    const hub = await liveRig(join(__dirname, '..', 'fixtures', 'hub-spoke-firewall'));
    try {
      const { inv } = await warm({}, hub);
      const before = hub.arm.requests.length;
      const q = 'egress web-7d4b9c8f6d-abcde';
      const r = await ask(q, inv);
      expect(hub.arm.requests.slice(before)).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(hub.arm.requestsTo(/\/virtualMachines\/[^/]+\/networkInterfaces$/)).toEqual([]);
      expect(hub.arm.requestsTo(/\/virtualMachineScaleSets\/[^/]+\/networkInterfaces$/)).toHaveLength(1);
      expect(jsonWithoutAge(r)).toEqual(jsonWithoutAge(await ask(q, hub.inventory)));
    } finally {
      arms.splice(0).forEach((a) => a.stop());
      await hub.stop();
    }
  });

  test('--json and the card badge say how old the Azure data is; the snapshot has no such field', async () => {
    const { inv } = await warm();
    const r = await ask(EGRESS, inv);
    const json = toJson(r) as { dataAge?: number };
    expect(typeof json.dataAge).toBe('number');
    expect(json.dataAge).toBeGreaterThanOrEqual(0);
    expect('dataAge' in toJson(await ask(EGRESS, SnapshotInventory.demo()))).toBe(false);
    const card = JSON.stringify(renderCard(r, { question: EGRESS, source: inv.source }));
    expect(card).toMatch(/Answering about: live cluster [^"]* · Azure data \d+ s old/);
    expect(renderText(r)).toMatch(/Azure data \d+ s old/);
  });
});

describe('background refresh', () => {
  test('re-reads the listings after the interval, without any question', async () => {
    await warm({ refreshMs: 300 });
    const before = rig.arm.requestsTo(NODE_RG_LBS).length;
    await until(() => rig.arm.requestsTo(NODE_RG_LBS).length >= before + 2);
    expect(rig.arm.requestsTo(NODE_RG_LBS).every((x) => x.status === 200)).toBe(true);
  });

  test("a 429's Retry-After is respected: no request to the subscription before it; answers read the kept data", async () => {
    const { inv } = await warm({ refreshMs: 200, maxRetries: 0 });
    rig.arm.faults.push({ status: 429, match: NODE_RG_LBS, times: 1, retryAfterSeconds: 2 });
    await until(() => rig.arm.requestsTo(NODE_RG_LBS).some((x) => x.status === 429));
    const throttled = rig.arm.requestsTo(NODE_RG_LBS).find((x) => x.status === 429)!;
    const before = rig.arm.requests.length;
    const r = await ask('which load balancers are there?', inv);
    expect(rig.arm.requests.length).toBe(before);
    expect(r.errors).toEqual([]);
    expect(r.answer).toMatch(/^4 load balancers/);
    await until(() => rig.arm.requestsTo(NODE_RG_LBS).some((x) => x.at > throttled.at && x.status === 200));
    const after = rig.arm.requests.filter((x) => x.at > throttled.at && SUB.test(x.path));
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((x) => x.at))).toBeGreaterThanOrEqual(throttled.at + 2000);
  });

  test('few reads left (x-ms-ratelimit-remaining-subscription-reads): the refresh runs at half pace', async () => {
    rig.arm.remainingReads = 50;
    try {
      await warm({ refreshMs: 300 });
      const from = rig.arm.requestsTo(NODE_RG_LBS).length;
      await until(() => rig.arm.requestsTo(NODE_RG_LBS).length >= from + 2);
      const [a, b] = rig.arm.requestsTo(NODE_RG_LBS).slice(from);
      expect(b!.at - a!.at).toBeGreaterThanOrEqual(600);
    } finally {
      rig.arm.remainingReads = undefined;
    }
  });

  test('403 on a background listing is reported in the answer as before, naming the role and the scope', async () => {
    rig.arm.faults.push({ status: 403, match: /resourceGroups\/aro2-resources\//i });
    const { inv } = await warm();
    const before = rig.arm.requests.length;
    const r = await ask(EGRESS, inv);
    expect(rig.arm.requests.length).toBe(before);
    expect(r.status).toBe('answered');
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node']);
    expect(r.errors.find((e) => /network interfaces/.test(e.lookup))?.reason).toMatch(
      /403 AuthorizationFailed: the bot's identity needs Reader on \/subscriptions\/e7da9914-9b05-4891-893c-546cb7b0422e\/resourceGroups\/aro2-resources/,
    );
    // access granted: "refresh" reads again and answers
    rig.arm.faults.length = 0;
    const again = await ask(`refresh ${EGRESS}`, inv);
    expect(again.errors).toEqual([]);
    expect(again.hops.at(-1)?.src).toBe('20.105.84.161');
  });
});

describe('refresh', () => {
  const reread = (from: number) => rig.arm.requests.slice(from).map((x) => x.path);

  test('the word re-reads what the answer reads, then answers the same', async () => {
    const { inv } = await warm();
    const first = await ask(EGRESS, inv);
    let before = rig.arm.requests.length;
    const asked = Date.now();
    const r = await ask(`refresh: ${EGRESS}`, inv);
    expect(reread(before)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/aro2-resources\/providers\/Microsoft\.Network\/networkInterfaces$/),
      ]),
    );
    expect(jsonWithoutAge(r)).toEqual(jsonWithoutAge(first));
    // every listing it read was read during this answer
    expect(r.dataAge).toBeLessThanOrEqual(Math.ceil((Date.now() - asked) / 1000));
    // "refresh" alone: the conversation's last question
    before = rig.arm.requests.length;
    const alone = await ask('refresh', inv, r.memory as Memory);
    expect(reread(before).length).toBeGreaterThan(0);
    expect(jsonWithoutAge(alone)).toEqual(jsonWithoutAge(first));
    expect((await ask('refresh', inv)).status).toBe('not-understood');
  });

  test('a re-read that fails keeps the answer and says what was not re-read; the next refresh that works is clean', async () => {
    const { inv } = await warm({ maxRetries: 0 });
    const first = await ask('which load balancers are there?', inv);
    rig.arm.faults.push({ status: 500, match: NODE_RG_LBS });
    const r = await ask('refresh: which load balancers are there?', inv);
    expect(r.answer).toBe(first.answer);
    const failed = r.errors.filter((e) => /not re-read/.test(e.reason));
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatch(/^not re-read \(.+\): this answer uses the data read before$/);
    rig.arm.faults.length = 0;
    const again = await ask('refresh: which load balancers are there?', inv);
    expect(again.errors).toEqual([]);
    expect(again.answer).toBe(first.answer);
  });

  test('the card button sends "refresh: <question>", which re-reads; snapshot cards have no such button', async () => {
    const { inv } = await warm();
    const r = await ask(EGRESS, inv);
    const actions = (renderCard(r, { question: EGRESS, source: inv.source }).actions ?? []) as {
      title: string;
      data?: { question: string; intent?: string };
    }[];
    const button = actions.find((a) => a.title === 'Refresh');
    expect(button?.data).toEqual({ question: `refresh: ${EGRESS}`, intent: 'egress' });
    const before = rig.arm.requests.length;
    const again = await ask(button!.data!.question, inv, {}, button!.data!.intent);
    expect(rig.arm.requests.length).toBeGreaterThan(before);
    expect(jsonWithoutAge(again)).toEqual(jsonWithoutAge(r));
    const demo = await ask(EGRESS, SnapshotInventory.demo());
    const demoActions = (renderCard(demo, { question: EGRESS, source: 'snapshot ./x' }).actions ?? []) as {
      title: string;
    }[];
    expect(demoActions.map((a) => a.title)).not.toContain('Refresh');
  });

  test('without background refresh (0): answers still say their data age, and "refresh" still re-reads', async () => {
    const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
    const r = await ask(EGRESS, inv);
    expect(typeof r.dataAge).toBe('number');
    let before = rig.arm.requests.length;
    await ask(EGRESS, inv);
    expect(rig.arm.requests.length).toBe(before);
    before = rig.arm.requests.length;
    const again = await ask(`refresh ${EGRESS}`, inv);
    expect(rig.arm.requests.length).toBeGreaterThan(before);
    expect(jsonWithoutAge(again)).toEqual(jsonWithoutAge(r));
  });
});
