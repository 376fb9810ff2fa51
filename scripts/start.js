#!/usr/bin/env node
// `npm start`: the bot on http://localhost:$PORT/api/messages (default 3978) and, for a
// newcomer, the Microsoft 365 Agents Playground (a local Teams-like chat) pointed at it.
//
//   PACKET_PATH_NO_PLAYGROUND=1   the bot alone (so does CI=true)
//
// It builds nothing: dist/ is built by `npm install` (the prepare script) or `npm run build`.
// Ctrl+C (SIGINT) and SIGTERM are passed on to both; it exits when the bot exits, with the
// bot's exit code. A second Ctrl+C kills both at once.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { get } = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SERVER = join(ROOT, 'dist', 'src', 'server.js');
const say = (line) => process.stdout.write(`${line}\n`);
const warn = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(SERVER)) {
  warn(
    `packet-path: ${SERVER} is missing: run \`npm install\` (its prepare script builds dist/) ` +
      'or `npm run build` first.',
  );
  process.exit(1);
}

const noPlayground = ['1', 'true'].includes(process.env.PACKET_PATH_NO_PLAYGROUND ?? '') || process.env.CI === 'true';

// The children get their own process groups (detached) so that Ctrl+C in a terminal reaches
// them once, from here, instead of twice (from the terminal and from here).
// node as the image starts it (the Dockerfile's CMD): a 2 × 8 MB young generation keeps RSS near the measured figures
const bot = spawn(process.execPath, ['--max-semi-space-size=8', '--heap-growing-percent=30', '--expose-gc', SERVER], {
  cwd: ROOT,
  env: process.env,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
let playground;
let playgroundDir;
let stopping = false;

// the bot's output goes through unchanged; its "listening on http://localhost:N/api/messages" line gives the port
let botOut = '';
let onBotLine;
bot.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (onBotLine) {
    botOut = (botOut + chunk.toString('utf8')).slice(-4000);
    const m = /listening on http:\/\/[^\s"/:]+:(\d+)\/api\/messages/.exec(botOut);
    if (m) onBotLine(Number(m[1]));
  }
});

function httpOk(url) {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** The bot's port once it serves: from its "listening on" line, or its /healthz on $PORT. */
function botReady(timeoutMs) {
  const configured = Number(process.env.PORT || 3978);
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    const finish = (port, err) => {
      if (done) return;
      done = true;
      onBotLine = undefined;
      if (err) reject(err);
      else resolve(port);
    };
    onBotLine = (port) => finish(port);
    bot.once('exit', () => finish(0, new Error('the bot exited before it was ready')));
    const poll = async () => {
      if (done) return;
      if (configured > 0 && (await httpOk(`http://127.0.0.1:${configured}/healthz`))) return finish(configured);
      if (Date.now() > deadline) return finish(0, new Error(`the bot did not answer within ${timeoutMs / 1000} s`));
      setTimeout(poll, 250);
    };
    poll();
  });
}

async function startPlayground() {
  let cli;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js', {
      paths: [ROOT],
    });
  } catch {
    warn(
      'packet-path: the Microsoft 365 Agents Playground is not installed ' +
        '(it is a devDependency: run `npm install`); the bot runs alone.',
    );
    return;
  }
  const botPort = await botReady(60000);
  if (stopping) return;
  const endpoint = `http://localhost:${botPort}/api/messages`;
  // it writes devTools/m365agentsplayground.log into its working folder: not into the repository
  playgroundDir = mkdtempSync(join(tmpdir(), 'packet-path-playground-'));
  playground = spawn(process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '--disable-telemetry'], {
    cwd: playgroundDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const child = playground;
  let announced = false;
  let out = '';
  child.stderr.on('data', (c) => process.stderr.write(`[playground] ${c}`));
  child.stdout.on('data', async (c) => {
    const text = c.toString('utf8');
    out += text;
    const m = /Listening on (\d+)/.exec(out);
    if (m && !announced) {
      announced = true;
      const url = `http://localhost:${m[1]}`;
      for (let i = 0; i < 120 && !stopping && !(await httpOk(url)); i++) await new Promise((r) => setTimeout(r, 250));
      if (!stopping)
        say(
          `\n>>> Chat with packet-path: open ${url} (Microsoft 365 Agents ` +
            `Playground, talking to ${endpoint}). Ctrl+C stops both.\n`,
        );
    }
    for (const line of text.split('\n'))
      if (line.trim() && !/^Listening on \d+/.test(line)) say(`[playground] ${line}`);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) warn(`packet-path: the Playground stopped (${signal ?? `exit ${code}`}); the bot keeps running.`);
    cleanPlaygroundDir();
  });
}

function cleanPlaygroundDir() {
  if (playgroundDir) rmSync(playgroundDir, { recursive: true, force: true });
  playgroundDir = undefined;
}

const running = (child) => child && child.exitCode === null && child.signalCode === null;

function send(child, signal) {
  if (!running(child)) return;
  try {
    child.kill(signal);
  } catch {
    /* already gone */
  }
}

let signals = 0;
function onSignal(signal) {
  signals++;
  stopping = true;
  if (signals === 1) {
    send(bot, signal);
    send(playground, signal);
  } else {
    // a second Ctrl+C: do not wait for a graceful stop
    send(bot, 'SIGKILL');
    send(playground, 'SIGKILL');
  }
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
// whatever ends this process normally, the children end with it
process.on('exit', () => {
  send(playground, 'SIGKILL');
  send(bot, 'SIGKILL');
  cleanPlaygroundDir();
});

bot.on('exit', (code, signal) => {
  stopping = true;
  const status = code ?? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal] ?? 1);
  if (!running(playground)) process.exit(status);
  playground.once('exit', () => process.exit(status));
  send(playground, 'SIGTERM');
  setTimeout(() => send(playground, 'SIGKILL'), 5000).unref();
});

if (noPlayground) {
  say(
    'packet-path: starting the bot without the Playground ' +
      `(${process.env.CI === 'true' ? 'CI=true' : 'PACKET_PATH_NO_PLAYGROUND'}).`,
  );
} else {
  startPlayground().catch((e) => warn(`packet-path: not starting the Playground: ${e.message}`));
}
