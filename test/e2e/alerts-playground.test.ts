// Alerts end to end, as a person sees them: the bot on a live inventory of the fake Kubernetes and ARM servers, the
// Microsoft 365 Agents Playground pointed at it, and headless Chromium typing "watch …" into the Playground. The test
// then changes the fake cluster, records, and waits until the proactive alert card renders in the same chat.
// The alert card is saved to test/artifacts/alert.png (git-ignored).
//
// Needs Debian's chromium at /usr/bin/chromium. Without it the suite is skipped on a developer's machine, but fails
// in CI (CI=true), where it must run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startHistory, type Recorder } from '../../src/changes/recorder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startServer, type Running } from '../../src/server';
import { demoCopy, readJson } from '../helpers/fixtures';
import { liveRig, type LiveRig } from '../helpers/live';
import { PlaygroundBrowser, startPlayground, type Playground } from '../helpers/playground';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const inCI = process.env.CI === 'true';
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && !inCI) {
  console.warn(
    `test/e2e/alerts-playground.test.ts SKIPPED: no Chromium at ${CHROMIUM} (install it with: ${INSTALL}). In CI (CI=true) this suite fails instead.`,
  );
}
const suite = haveChromium || inCI ? describe : describe.skip;

suite('a watch made in the Microsoft 365 Agents Playground gets its alert there', () => {
  let dir = '';
  let rig: LiveRig | undefined;
  let recorder: Recorder | undefined;
  let bot: Running | undefined;
  let playground: Playground | undefined;
  const browser = new PlaygroundBrowser();
  const logLines: any[] = [];
  /** how many changes the policy alert listed */
  let alerted = 0;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`no Chromium at ${CHROMIUM}: CI must install it first (${INSTALL})`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = demoCopy();
    rig = await liveRig(dir);
    // records only when told: the test decides when the history looks
    recorder = startHistory(rig.inventory, { pollMs: 3600_000, everyMs: 3600_000 })!;
    await recorder.recordNow();
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    bot = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'info' }), {
      inventory: rig.inventory,
      logger: createLogger('info', sink),
    });
    playground = await startPlayground(`http://127.0.0.1:${bot.port}/api/messages`, 60000);
    await browser.launch(CHROMIUM, 60000);
    try {
      await browser.open(playground.url, 45000);
    } catch (e) {
      await browser.pageScreenshot(join(ARTIFACTS, 'failure-alert-open.png'));
      throw new Error(`${(e as Error).message}\n--- Playground output ---\n${playground.output()}`);
    }
  }, 180000);

  afterAll(async () => {
    await browser.close().catch(() => undefined);
    await playground?.stop().catch(() => undefined);
    await bot?.close().catch(() => undefined);
    recorder?.stop();
    await rig?.stop().catch(() => undefined);
  }, 60000);

  /** Wait until the informers saw the fake API server's change (the recorder compares their caches). */
  async function settled(before: number): Promise<void> {
    const end = Date.now() + 15000;
    while (rig!.inventory.kube.generation === before) {
      if (Date.now() > end) throw new Error('the informers did not see the change');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  /** Waits for the alert card the bot posts on its own; saves it as test/artifacts/<name>.png. */
  async function alertCard(pattern: RegExp, after: number, name: string) {
    try {
      const card = await browser.waitForCard(pattern, after, 20000);
      await browser.screenshot(card.index, join(ARTIFACTS, `${name}.png`));
      return card;
    } catch (e) {
      await browser.pageScreenshot(join(ARTIFACTS, `failure-${name}.png`));
      throw new Error(`${(e as Error).message}\n--- Playground output ---\n${playground!.output()}`);
    }
  }

  const audits = (kind: string) => logLines.filter((l) => l.audit === kind);

  test('watch policy for namespace project1, add a NetworkPolicy: the alert card renders in the chat, once', async () => {
    const confirm = await browser.say('watch policy for namespace project1', /Watching policy verdicts/);
    expect(confirm).toMatch(/Watching policy verdicts for namespace project1: I will post here when it changes/);
    // the subscription holds the Playground's own conversation and user
    const [sub] = audits('subscribe');
    const turn = audits('turn').at(-1);
    expect(sub).toMatchObject({ action: 'added', conversation: turn.conversation, userId: turn.userId });
    const cards = await browser.cardCount();

    const g = rig!.inventory.kube.generation;
    rig!.kube.upsert({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny-sqlapi', namespace: 'project1' },
      spec: { podSelector: { matchLabels: { app: 'sqlapi' } }, policyTypes: ['Ingress'] },
    });
    await settled(g);
    const policy = (await recorder!.recordNow()).filter((c) => c.kind === 'policy');
    expect(policy.length).toBeGreaterThan(1);
    expect(policy.every((c) => /→ project1\/sqlapi(lb)?:8080$/.test(c.subject))).toBe(true);

    const { text, index } = await alertCard(/\d+ path changes: policy/, cards, 'alert');
    alerted = policy.length;
    expect(index).toBe(cards);
    expect(text.split('\n')[0]).toBe(`${policy.length} path changes: policy`);
    // each change: its subject, before → after
    for (const c of policy) {
      expect(c).toMatchObject({ before: 'allowed', after: 'denied by project1/deny-sqlapi' });
      expect(text).toContain(`Traffic from ${c.subject} is now denied by project1/deny-sqlapi (was allowed).`);
    }
    expect(text).toContain('project1/server → project1/sqlapi:8080');
    expect(text).toMatch(/Watching\s+policy verdicts for namespace project1/);
    expect(audits('alert')).toEqual([
      expect.objectContaining({ sent: true, conversation: sub.conversation, subscription: sub.subscription }),
    ]);

    // a record without a change posts nothing more
    expect(await recorder!.recordNow()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await browser.cardCount()).toBe(cards + 1);
    expect(audits('alert')).toHaveLength(1);
  }, 120000);

  test('the alert card’s "What changed?" answers in the chat with the change it alerted', async () => {
    const index = (await browser.cardCount()) - 1;
    let reply;
    try {
      reply = await browser.click(index, 'What changed?');
      await browser.screenshot(reply.index, join(ARTIFACTS, 'alert-what-changed.png'));
    } catch (e) {
      await browser.pageScreenshot(join(ARTIFACTS, 'failure-alert-what-changed.png'));
      throw e;
    }
    expect(reply.text).toMatch(/You asked: “what changed in the last 24 h\?”/);
    expect(reply.text).toContain(`Yes: ${alerted} path-relevant changes in the last 24 h`);
  }, 60000);

  test('watch route sqlapilb, move it to another router: one change card with kind, subject, before → after', async () => {
    // the new router Service also changes policy verdicts in project1: that watch ends here, so only the route's posts
    const stopped = await browser.say('stop watching all', /Stopped watching/);
    expect(stopped).toMatch(/Stopped watching policy verdicts for namespace project1\./);
    const confirm = await browser.say('watch route sqlapilb', /Watching route hosts of sqlapilb/);
    expect(confirm).toMatch(/Watching route hosts of sqlapilb/);
    const cards = await browser.cardCount();

    const services = readJson(join(dir, 'kubernetes', 'services.json')).items;
    const sharded = structuredClone(services.find((x: any) => x.metadata.name === 'router-default'));
    sharded.metadata = { ...sharded.metadata, name: 'router-sharded', uid: undefined, resourceVersion: undefined };
    sharded.status.loadBalancer.ingress = [{ ip: '20.67.170.99' }];
    const route = readJson(join(dir, 'kubernetes', 'routes.json')).items[0];
    route.status.ingress[0].routerName = 'sharded';
    const g = rig!.inventory.kube.generation;
    rig!.kube.upsert(sharded);
    rig!.kube.upsert(route);
    await settled(g);
    const hosts = [];
    for (let i = 0; i < 20 && !hosts.length; i++) {
      hosts.push(...(await recorder!.recordNow()).filter((c) => c.kind === 'host' && c.subject.includes('sqlapilb')));
      if (!hosts.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(hosts).toHaveLength(1);
    const [c] = hosts;

    const { text } = await alertCard(/Path change: host/, cards, 'alert-route');
    expect(text.split('\n')[0]).toBe(`Path change: host ${c.subject}`);
    expect(text).toMatch(/now reach 20\.67\.170\.99/);
    const escaped = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const facts: [string, string][] = [
      ['Kind', c.kind],
      ['Subject', c.subject],
      ['Before', c.before!],
      ['After', c.after!],
    ];
    for (const [title, value] of facts) expect(text).toMatch(new RegExp(`\\n${title}\\s+${escaped(value)}\\n`));
    expect(c.after).toContain('20.67.170.99');
    expect(text).toMatch(/Watching\s+route hosts of sqlapilb/);
    expect(audits('alert')).toHaveLength(2);
    expect(audits('alert')[1]).toMatchObject({ sent: true, about: `host ${c.subject}` });
    expect(await browser.cardCount()).toBe(cards + 1);
  }, 120000);
});
