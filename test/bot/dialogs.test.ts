// Conversation over real HTTP: disambiguation buttons, follow-ups that remember
// the namespace, and @mentions in channels.
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { loadConfig } from '../../src/config';
import { startServer, type Running } from '../../src/server';
import { Connector, messageActivity, post } from '../helpers/connector';
import { twoProjects } from '../helpers/two-projects';

let connector: Connector;
let bot: Running;

beforeAll(async () => {
  connector = await new Connector().start();
  bot = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), SnapshotInventory.load(twoProjects()));
});
afterAll(async () => {
  await bot.close();
  await connector.stop();
});

const url = () => `http://127.0.0.1:${bot.port}/api/messages`;

async function say(activity: any) {
  expect(await post(url(), activity)).toBe(200);
  await connector.waitFor(() => connector.messages().some((m) => m.body.replyToId === activity.id));
  return connector.messages().find((m) => m.body.replyToId === activity.id)!.body;
}

const conversation = (id: string) => ({
  conversation: { id, conversationType: 'personal', tenantId: 'tenant-1' },
});

test('ambiguous pod → one button per candidate → the choice is answered → a follow-up keeps the namespace', async () => {
  const conv = conversation('conv-ambiguous');
  const ask = await say(messageActivity(connector.url, 'what is the public ip of pod server', conv));
  expect(ask.summary).toMatch(/"server" matches several pods: project1\/server-1-ppl25, project2\/server-1-ppl25/);
  const buttons = ask.attachments[0].content.actions.filter((a: any) => a.type === 'Action.Submit');
  expect(buttons.map((b: any) => b.title)).toEqual(['project1/server-1-ppl25', 'project2/server-1-ppl25']);

  // Teams sends an Action.Submit as a message with `value` and no text
  const choice = await say(messageActivity(connector.url, '', { ...conv, value: buttons[1].data }));
  expect(choice.summary).toMatch(/^server-1-ppl25 \(project2\) reaches the Internet as 20\.105\.84\.161/);

  const followUp = await say(messageActivity(connector.url, 'and what about sqlapi?', conv));
  expect(followUp.summary).toMatch(/^sqlapi-1-8jgx8 \(project2\) reaches the Internet/);
});

test('conversation memory is per conversation, not global', async () => {
  const other = await say(messageActivity(connector.url, 'and what about sqlapi?', conversation('conv-fresh')));
  expect(other.summary).toMatch(/^I found sqlapi.*: pick one\.$/);
});

test('typing a new question instead of pressing a button answers the new question', async () => {
  const conv = conversation('conv-ignore-buttons');
  await say(messageActivity(connector.url, 'egress ip of server', conv));
  const next = await say(messageActivity(connector.url, 'what is 10.0.2.10?', conv));
  expect(next.summary).toMatch(/external IP of LoadBalancer Service project1\/sqlapilb/);
});

test('channel @mention: the bot’s own mention is removed even when the entity text differs; other mentions are kept as plain text', async () => {
  const activity = messageActivity(
    connector.url,
    '<at>packet-path</at> <at>Alice Smith</at> asked: public ip of sqlapi -n project1',
    {
      conversation: {
        id: 'conv-channel',
        conversationType: 'channel',
        tenantId: 'tenant-1',
      },
      entities: [
        {
          type: 'mention',
          mentioned: { id: 'bot-1', name: 'packet-path' },
          text: '<at>Packet Path</at>',
        },
        {
          type: 'mention',
          mentioned: { id: 'user-2', name: 'Alice Smith' },
          text: '<at>Alice Smith</at>',
        },
      ],
    },
  );
  const reply = await say(activity);
  expect(reply.summary).toMatch(/^sqlapi-1-8jgx8 \(project1\) reaches the Internet/);
});
