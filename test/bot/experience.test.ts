// The Teams experience over real HTTP: "Looking up …" updated in place for
// slow answers, welcome on install, card buttons routed by their payload.
import type { Inventory } from '../../src/inventory/inventory';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { loadConfig } from '../../src/config';
import { startServer, type Running } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';

/** The demo, answering every lookup only after `ms`. */
function slow(inv: Inventory, ms: number): Inventory {
  const wait = <T>(v: Promise<T>) => new Promise<T>((res) => setTimeout(() => res(v), ms));
  return {
    source: inv.source,
    cluster: () => wait(inv.cluster()),
    list: (k) => wait(inv.list(k)),
    azure: {
      get: (k, id) => wait(inv.azure.get(k, id)),
      list: (k, s) => wait(inv.azure.list(k, s)),
      nicsOfVm: (id) => wait(inv.azure.nicsOfVm(id)),
    },
  };
}

let connector: Connector;
let fast: Running;
let slowBot: Running;
beforeAll(async () => {
  connector = await new Connector().start();
  fast = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  slowBot = await startServer(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      PACKET_PATH_SLOW_REPLY_MS: '50',
    }),
    slow(SnapshotInventory.demo(), 150),
  );
});
afterAll(async () => {
  await Promise.all([fast.close(), slowBot.close()]);
  await connector.stop();
});

const url = (b: Running) => `http://127.0.0.1:${b.port}/api/messages`;
const conv = (id: string) => ({
  conversation: { id, conversationType: 'personal', tenantId: 'tenant-1' },
});

test('a slow answer: typing at once, then "Looking up …", then the card replaces that message in place', async () => {
  const activity = messageActivity(connector.url, 'what is the public ip of pod sqlapi', conv('conv-slow'));
  await post(url(slowBot), activity);
  await connector.waitFor(() =>
    connector.activities.some((a) => a.method === 'PUT' && a.url.startsWith('/v3/conversations/conv-slow/')),
  );
  const mine = connector.activities.filter((a) => a.url.startsWith('/v3/conversations/conv-slow/'));
  expect(mine[0].body.type).toBe('typing');
  const placeholder = mine.findIndex((a) => a.method === 'POST' && /Looking up/.test(a.body.text ?? ''));
  expect(placeholder).toBeGreaterThan(0);
  const update = mine.find((a) => a.method === 'PUT')!;
  // the placeholder's id came back from the connector as reply-N; the update targets it
  expect(update.url).toMatch(/\/v3\/conversations\/conv-slow\/activities\/reply-\d+$/);
  expect(JSON.stringify(update.body.attachments[0].content)).toContain('20.105.84.161');
  expect(mine.filter((a) => a.method === 'POST' && a.body.type === 'message')).toHaveLength(1);
});

test('a fast answer needs no placeholder', async () => {
  const activity = messageActivity(connector.url, 'what is 10.129.2.7', conv('conv-fast'));
  await post(url(fast), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  expect(
    connector.activities.filter((a) => a.url.startsWith('/v3/conversations/conv-fast/') && a.method === 'PUT'),
  ).toEqual([]);
});

test('installing the bot sends the welcome card, generated from the intent registry', async () => {
  const install = {
    type: 'conversationUpdate',
    id: 'cu-1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: 'user-1' },
    recipient: { id: 'bot-1', name: 'packet-path' },
    conversation: {
      id: 'conv-install',
      conversationType: 'channel',
      tenantId: 'tenant-1',
    },
    membersAdded: [{ id: 'bot-1' }],
  };
  expect(await post(url(fast), install)).toBe(200);
  await connector.waitFor(() =>
    connector.activities.some((a) => a.url.startsWith('/v3/conversations/conv-install/') && a.body?.type === 'message'),
  );
  const welcome = connector.activities.find((a) => a.url.startsWith('/v3/conversations/conv-install/'))!.body;
  const card = welcome.attachments[0].content;
  expect(card.body[0].text).toBe('Welcome to packet-path');
  expect(JSON.stringify(card)).toContain('Public egress IP of a pod');
  expect(card.actions.filter((a: any) => a.type === 'Action.Submit').length).toBeGreaterThan(0);
});

test('a card button is routed by its payload: intent without re-reading the words, and "Show all" as full text', async () => {
  const c = conv('conv-buttons');
  const first = messageActivity(connector.url, "what's the public IP of pod sqlapi?", c);
  await post(url(fast), first);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === first.id));
  const card = connector.messages().find((m) => m.body.replyToId === first.id)!.body.attachments[0].content;
  const lbButton = card.actions.find((a: any) => a.type === 'Action.Submit' && /SNAT details/.test(a.title));
  expect(lbButton.data).toEqual({
    question: 'what does load balancer aro2-p8bjm do',
    intent: 'load-balancers',
  });
  const press = messageActivity(connector.url, '', {
    ...c,
    value: lbButton.data,
  });
  await post(url(fast), press);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === press.id));
  expect(connector.messages().find((m) => m.body.replyToId === press.id)!.body.summary).toMatch(
    /^1 load balancer in aro2-resources/,
  );

  const all = messageActivity(connector.url, '', {
    ...c,
    value: { question: 'which load balancers are there?', full: true },
  });
  await post(url(fast), all);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === all.id));
  const text = connector.messages().find((m) => m.body.replyToId === all.id)!.body;
  expect(text.attachments ?? []).toEqual([]);
  expect(text.text).toMatch(/^```\n4 load balancers/);
  expect(text.text).toMatch(/\(Demo: the bundled demo cluster aro2, not yours\. .*\)\n```$/);
});

/** Sends `text` (or a button's `value`) in conversation `id` and returns the bot's message in reply. */
async function say(id: string, text: string, value?: unknown) {
  const activity = messageActivity(connector.url, text, { ...conv(id), ...(value ? { value } : {}) });
  await post(url(fast), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  const replies = connector.messages().filter((m) => m.body.replyToId === activity.id);
  expect(replies).toHaveLength(1);
  return replies[0].body;
}

const submits = (card: any) => card.actions.filter((a: any) => a.type === 'Action.Submit');

test('one message per answer: the card only, the headline as summary, the full text as the card’s fallback', async () => {
  const reply = await say('conv-one', "what's the public IP of pod sqlapi?");
  expect(reply.text ?? '').toBe('');
  expect(reply.summary).toBe('sqlapi-1-8jgx8 (project1) reaches the Internet as 20.105.84.161');
  expect(reply.attachments).toHaveLength(1);
  const card = reply.attachments[0].content;
  expect(card.msteams).toEqual({ width: 'Full' });
  // the whole answer, path included, for clients without cards
  expect(card.fallbackText).toMatch(/^sqlapi-1-8jgx8 \(project1\) reaches the Internet as 20\.105\.84\.161: node/);
  expect(card.fallbackText).toContain('Path:');
  expect(card.fallbackText).toMatch(/\(Demo: the bundled demo cluster aro2, not yours/);
  // the first three text lines are the answer: title, demo badge, the deciding rule
  const lines = card.body.filter((b: any) => b.type === 'TextBlock').map((b: any) => b.text);
  expect(lines[0]).toBe('sqlapi-1-8jgx8 leaves the cluster as 20.105.84.161');
  expect(lines[1]).toMatch(/^DEMO/);
  expect(lines[2]).toMatch(/outbound rule outboundrule/);
});

test('a button press quotes the question it asked; the inbound card’s "Can the router reach it?" answers', async () => {
  const inbound = (await say('conv-router', 'how does traffic reach route sqlapilb?')).attachments[0].content;
  expect(inbound.body.find((b: any) => b.type === 'ColumnSet').columns[1].items[0].text).toBe(
    '10.131.0.5 or 10.129.2.4',
  );
  const router = submits(inbound).find((a: any) => a.title === 'Can the router reach it?');
  const reply = await say('conv-router', '', router.data);
  const card = reply.attachments[0].content;
  expect(card.body[0].text).toBe(`You asked: “${router.data.question}”`);
  expect(reply.summary).toMatch(/^Yes: openshift-ingress\/router-default-\S+ can reach project1\/sqlapi-1-8jgx8/);
});

test('suggestions are buttons: "Did you mean sqlapi?" and a namespace suggestion answer when pressed', async () => {
  for (const [q, title, answer] of [
    ['public ip of pod sqlpai', 'Did you mean sqlapi?', /^sqlapi-1-8jgx8 \(project1\) reaches the Internet/],
    ['egress of sqlapi -n project2', 'Did you mean project1?', /^sqlapi-1-8jgx8 \(project1\) reaches the Internet/],
  ] as const) {
    const card = (await say('conv-suggest', q)).attachments[0].content;
    const button = submits(card).find((a: any) => a.title === title);
    expect(button).toBeDefined();
    expect((await say('conv-suggest', '', button.data)).summary).toMatch(answer);
  }
});

test('a refusal says it understood and only reads, with the help button', async () => {
  const reply = await say('conv-refuse', 'restart sqlapi');
  const card = reply.attachments[0].content;
  expect(card.body[0].text).toBe('Understood, but I only read and explain network paths');
  expect(card.body[0].color).toBe('Default');
  expect(reply.summary).toMatch(/^I only read: I change nothing/);
  const help = submits(card).find((a: any) => a.title === 'What can I ask?');
  expect(help.data).toEqual({ question: 'help', intent: 'help' });
});

test('the load balancer list offers every load balancer within Teams’ five actions', async () => {
  const card = (await say('conv-lbs', 'which load balancers are there?')).attachments[0].content;
  expect(card.actions.length).toBeLessThanOrEqual(5);
  const more = card.actions.find((a: any) => a.type === 'Action.ShowCard' && a.title === 'More…');
  const offered = [
    ...submits(card).map((a: any) => a.data.question),
    ...more.card.body[0].choices.map((c: any) => c.value),
  ];
  for (const lb of ['aro2-p8bjm', 'aro2-p8bjm-internal', 'aro2-p8bjm-internal-lb', 'aro2-p8bjm-public-lb'])
    expect(offered.some((q: string) => q.includes(` ${lb} `) || q.endsWith(` ${lb}`))).toBe(true);
  // Teams merges the chosen value into the Submit's data as `question`
  const chosen = { ...more.card.actions[0].data, question: more.card.body[0].choices.at(-1).value };
  expect((await say('conv-lbs', '', chosen)).summary).toMatch(/^1 load balancer in aro2-resources/);
});

test('an empty message gets the help card, not silence', async () => {
  const activity = messageActivity(connector.url, '   ', conv('conv-empty'));
  await post(url(fast), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  expect(
    connector.messages().find((m) => m.body.replyToId === activity.id)!.body.attachments[0].content.body[0].text,
  ).toBe('What would you like to know?');
});
