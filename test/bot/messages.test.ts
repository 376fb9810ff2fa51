// The bot over real HTTP: POST /api/messages, replies captured by a local connector.
import { Connector, messageActivity, post } from '../helpers/connector';
import { startServer, type Running } from '../../src/server';
import { loadConfig } from '../../src/config';

let connector: Connector;
let bot: Running;

beforeAll(async () => {
  connector = await new Connector().start();
  bot = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
});
afterAll(async () => {
  await bot.close();
  await connector.stop();
});

const url = () => `http://127.0.0.1:${bot.port}/api/messages`;

test('the egress question gets an Adaptive Card naming the public IP, as a reply to the message', async () => {
  const activity = messageActivity(connector.url, "what's the public IP of pod sqlapi?");
  expect(await post(url(), activity)).toBe(200);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  const reply = connector.messages().find((m) => m.body.replyToId === activity.id)!;
  expect(reply.url).toBe(`/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
  const att = reply.body.attachments[0];
  expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(att.content.version).toBe('1.5');
  const body = JSON.stringify(att.content.body);
  expect(body).toContain('20.105.84.161');
  expect(body).toContain('aro2-p8bjm-outbound-pip-v4');
  expect(reply.body.summary).toContain('20.105.84.161');
  // a typing indicator went first
  const typing = connector.activities.findIndex((a) => a.body?.type === 'typing' && a.body?.replyToId === activity.id);
  expect(typing).toBeGreaterThanOrEqual(0);
});

test('a Teams channel message with an @mention is answered the same way', async () => {
  const activity = messageActivity(connector.url, '<at>packet-path</at> egress ip for sqlapi in project1', {
    entities: [
      {
        type: 'mention',
        mentioned: { id: 'bot-1', name: 'packet-path' },
        text: '<at>packet-path</at>',
      },
    ],
  });
  await post(url(), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  const reply = connector.messages().find((m) => m.body.replyToId === activity.id)!;
  expect(JSON.stringify(reply.body.attachments[0].content)).toContain('20.105.84.161');
});

test('an unknown pod gets a clear did-you-mean reply, not silence', async () => {
  const activity = messageActivity(connector.url, 'public ip of pod sqlpai');
  await post(url(), activity);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  const reply = connector.messages().find((m) => m.body.replyToId === activity.id)!;
  expect(reply.body.summary).toMatch(/no pod "sqlpai".*Did you mean sqlapi/);
});

test('GET /healthz answers', async () => {
  const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
});
