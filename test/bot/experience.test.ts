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
  expect(connector.messages().find((m) => m.body.replyToId === press.id)!.body.text).toMatch(
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
});

test('an empty message gets the help card, not silence', async () => {
  const activity = messageActivity(connector.url, '   ', conv('conv-empty'));
  await post(url(fast), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  expect(
    connector.messages().find((m) => m.body.replyToId === activity.id)!.body.attachments[0].content.body[0].text,
  ).toBe('What would you like to know?');
});
