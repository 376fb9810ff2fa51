// The Microsoft 365 Agents Playground as a child process, and a headless Chromium that
// drives its UI (through test/helpers/browser-driver.mjs, a Node process of its own,
// because puppeteer-core is ESM-only and jest's CommonJS runtime cannot load it).
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const OUTPUT_LIMIT = 20000;

/** Waits for a child to exit; sends SIGKILL after `graceMs`. Never rejects. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function httpStatus(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

export interface Playground {
  /** the UI, e.g. http://localhost:41234/ */
  url: string;
  port: number;
  /** what the Playground printed so far (stdout and stderr) */
  output(): string;
  /** stops it (SIGTERM, then SIGKILL after 5 s) and removes its working folder; safe to call twice */
  stop(): Promise<void>;
}

/**
 * Starts `agentsplayground -e <endpoint> -c msteams` on a free port (`-p 0`), with
 * TEAMSAPPTESTER_BROWSER=none (it would otherwise try to open a browser and exit), and
 * resolves once its UI answers HTTP. It runs the package's own cli.js with this Node
 * (what `npx agentsplayground` runs, without npx's extra processes in between, so that
 * stopping it stops the server) in a temporary working folder, because it writes
 * devTools/m365agentsplayground.log into its working folder.
 */
export async function startPlayground(endpoint: string, timeoutMs = 60000): Promise<Playground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const cwd = mkdtempSync(join(tmpdir(), 'packet-path-playground-'));
  const child = spawn(process.execPath, [cli, '-p', '0', '-e', endpoint, '-c', 'msteams', '--disable-telemetry'], {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (c: Buffer) => {
    out = (out + c.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopChild(child, 'SIGTERM', 5000);
    rmSync(cwd, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + timeoutMs;
    // it prints "Listening on <port>" once its server is bound
    let port = 0;
    while (!port) {
      const m = /Listening on (\d+)/.exec(out);
      if (m) port = Number(m[1]);
      else if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the Playground exited (${child.exitCode ?? child.signalCode}) before listening`);
      else if (Date.now() > deadline)
        throw new Error(`the Playground did not say "Listening on <port>" within ${timeoutMs} ms`);
      else await new Promise((r) => setTimeout(r, 100));
    }
    const url = `http://localhost:${port}/`;
    for (;;) {
      const r = await httpStatus(url, 5000).catch((e: Error) => ({
        status: 0,
        body: e.message,
      }));
      if (r.status === 200 && /Agents Playground/.test(r.body)) break;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the Playground exited (${child.exitCode ?? child.signalCode}) before serving ${url}`);
      if (Date.now() > deadline)
        throw new Error(
          `the Playground did not serve its UI at ${url} within ${timeoutMs} ms (last: ${r.status} ${r.body.slice(0, 200)})`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    return { url, port, output: () => out, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- Playground output ---\n${out}`);
  }
}

export interface Reply {
  /** position of the reply card among all Adaptive Cards in the chat */
  index: number;
  /** the card's visible text (innerText) */
  text: string;
  /** the titles of the card's buttons */
  buttons: string[];
}

/** Flags for Debian's chromium in a container: headless, no sandbox, nothing that calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

/** Headless Chromium driving the Playground's UI. */
export class PlaygroundBrowser {
  private child?: ChildProcess;
  private pending = new Map<
    number,
    {
      resolve: (v: any) => void;
      reject: (e: Error) => void;
      timer: NodeJS.Timeout;
    }
  >();
  private nextId = 1;
  private stderr = '';
  private userDataDir = '';
  /** Chromium's pid: puppeteer starts it in a process group of its own, killed here if the driver could not close it */
  private chromiumPid = 0;

  async launch(executablePath: string, timeoutMs = 60000): Promise<{ version: string; pid: number | null }> {
    this.userDataDir = mkdtempSync(join(tmpdir(), 'packet-path-chromium-'));
    const child = spawn(process.execPath, [join(__dirname, 'browser-driver.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr!.on('data', (c: Buffer) => {
      this.stderr = (this.stderr + c.toString('utf8')).slice(-OUTPUT_LIMIT);
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let msg: { id: number; ok: boolean; result?: unknown; error?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    });
    child.on('exit', (code, signal) => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`the browser driver exited (${code ?? signal}) during call ${id}\n${this.stderr}`));
      }
      this.pending.clear();
    });
    const launched = await this.call<{ version: string; pid: number | null }>(
      'launch',
      { executablePath, userDataDir: this.userDataDir, args: CHROMIUM_FLAGS },
      timeoutMs,
    );
    this.chromiumPid = launched.pid ?? 0;
    return launched;
  }

  /** Sends a command to the driver; rejects after `timeoutMs` (a little more than the driver's own waits). */
  call<T = any>(cmd: string, args: Record<string, unknown>, timeoutMs: number): Promise<T> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return Promise.reject(new Error(`the browser driver is not running\n${this.stderr}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`browser driver: "${cmd}" did not answer within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.stdin!.write(`${JSON.stringify({ id, cmd, args })}\n`);
    });
  }

  /** Opens the Playground UI and waits for the bot's welcome card. */
  open(url: string, timeoutMs = 30000): Promise<{ cards: number }> {
    return this.call('open', { url, timeoutMs }, timeoutMs + 10000);
  }

  /** Types `text` into the composer, presses Enter and waits for the reply card. */
  ask(text: string, timeoutMs = 20000): Promise<Reply> {
    return this.call('ask', { text, timeoutMs }, timeoutMs + 10000);
  }

  /** Clicks the button `title` on the card at `index` and waits for the reply card. */
  click(index: number, title: string, timeoutMs = 20000): Promise<Reply> {
    return this.call('click', { index, title, timeoutMs }, timeoutMs + 10000);
  }

  /** How many Adaptive Cards the chat shows. */
  async cardCount(): Promise<number> {
    let n = 0;
    const exists = (i: number) =>
      this.call('measure', { index: i }, 15000).then(
        () => true,
        () => false,
      );
    while (await exists(n)) n++;
    return n;
  }

  /**
   * Types `text` and waits for a plain text reply matching `pattern` (ask() waits for a card; a text reply never
   * satisfies it, so its short wait running out is expected). Resolves with the chat from the typed text on. The wait
   * is long: on a machine busy with other test files the Playground's input may take tens of seconds to take text.
   */
  async say(text: string, pattern: RegExp, timeoutMs = 60000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let typed = Date.now();
    await this.ask(text, 2000).catch(() => undefined);
    for (;;) {
      const tail = await this.call<string>('chatTail', { chars: 4000 }, 15000);
      const at = tail.lastIndexOf(text);
      if (at >= 0 && pattern.test(tail.slice(at))) return tail.slice(at);
      if (Date.now() > end) throw new Error(`no reply matching ${pattern} to "${text}"; the chat ends with:\n${tail}`);
      // the text never reached the chat (a busy machine: the Playground's input was not ready): type it again
      if (at < 0 && Date.now() - typed > 5000) {
        typed = Date.now();
        await this.ask(text, 2000).catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Waits for a card the bot posts on its own (not a reply to something typed): the last card at index `from` or
   * later, once the chat's end matches `pattern`. `text` is the chat from the match on (the card's own text).
   */
  async waitForCard(pattern: RegExp, from: number, timeoutMs = 20000): Promise<{ index: number; text: string }> {
    const end = Date.now() + timeoutMs;
    let tail = '';
    for (;;) {
      const index = (await this.cardCount()) - 1;
      tail = await this.call<string>('chatTail', { chars: 4000 }, 15000);
      const at = tail.search(pattern);
      if (index >= from && at >= 0) return { index, text: tail.slice(at) };
      if (Date.now() > end)
        throw new Error(`no card matching ${pattern} within ${timeoutMs} ms; the chat ends with:\n${tail}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Saves the card at `index` (in its chat frame) as a PNG. */
  screenshot(index: number, path: string): Promise<unknown> {
    return this.call('screenshot', { index, path }, 30000);
  }

  /** Saves the whole window as a PNG (for a failure); never rejects. */
  async pageScreenshot(path: string): Promise<void> {
    await this.call('pageScreenshot', { path }, 15000).catch(() => undefined);
  }

  /** Closes the browser and ends the driver (SIGKILL after 10 s); safe to call twice. */
  async close(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await this.call('close', {}, 10000).catch(() => undefined);
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    this.child = undefined;
    if (this.chromiumPid && alive(this.chromiumPid)) {
      try {
        process.kill(-this.chromiumPid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    this.chromiumPid = 0;
    if (this.userDataDir) rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = '';
  }
}
