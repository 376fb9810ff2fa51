// Drives the Microsoft 365 Agents Playground UI in headless Chromium with puppeteer-core.
//
// It runs as its own Node process because puppeteer-core is ESM-only and jest's CommonJS
// runtime cannot load it (jest.config.js transpiles only a fixed list of ESM packages).
// test/helpers/playground.ts starts it and talks to it with one JSON object per line:
//   stdin  {"id":1,"cmd":"ask","args":{...}}
//   stdout {"id":1,"ok":true,"result":...}  or  {"id":1,"ok":false,"error":"..."}
// When stdin closes (the test process ended or died) it closes the browser and exits.
import puppeteer from 'puppeteer-core';
import { createInterface } from 'node:readline';

/** Only the Playground on this machine is reachable; the page also asks a CDN for fonts. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const COMPOSER = '[contenteditable="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';

let browser;
let page;
let viewport = { width: 1280, height: 1000, deviceScaleFactor: 2 };

const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);

/** The chat's last characters, to explain a wait that ran out. */
async function chatTail(chars = 2000) {
  if (!page) return '';
  return page
    .evaluate((n) => {
      const card = document.querySelector('.fai-OutputCard');
      let list = card;
      while (list && list.parentElement && !/(auto|scroll)/.test(getComputedStyle(list).overflowY))
        list = list.parentElement;
      const text = (list ?? document.body).innerText;
      return text.slice(-n);
    }, chars)
    .catch((e) => `(chat not readable: ${e.message})`);
}

/**
 * Waits for the bot's reply card to a message sent when `before` cards were shown:
 * the first card after those that is not a welcome card (the bot may welcome twice, and
 * late) and not a "Looking up …" placeholder (slow answers are updated in place).
 */
async function waitForReply(before, timeoutMs, what) {
  try {
    const handle = await page.waitForFunction(
      (sel, n) => {
        const cards = [...document.querySelectorAll(sel)];
        for (let i = n; i < cards.length; i++) {
          const text = cards[i].innerText;
          if (/^\s*Welcome to packet-path/.test(text)) continue;
          if (/Looking up/.test(text)) return false;
          return i;
        }
        return false;
      },
      { timeout: timeoutMs, polling: 100 },
      CARD,
      before,
    );
    const index = await handle.jsonValue();
    const text = await page.$$eval(CARD, (cards, i) => cards[i].innerText, index);
    const buttons = await page.$$eval(
      CARD,
      (cards, i) =>
        [...cards[i].querySelectorAll('button')]
          .map((b) => b.getAttribute('title') || b.innerText.trim())
          .filter(Boolean),
      index,
    );
    return { index, text, buttons };
  } catch (e) {
    throw new Error(
      `no reply card for ${what} within ${timeoutMs} ms (${e.message}); the chat ends with:\n${await chatTail()}`,
    );
  }
}

const cardCount = () => page.$$eval(CARD, (cards) => cards.length);

const commands = {
  async launch({ executablePath, userDataDir, args = [] }) {
    browser = await puppeteer.launch({
      executablePath,
      // '--headless' below (the old-style flag the stack notes name) rather than puppeteer's '--headless=new'
      headless: false,
      args: [...args, `--user-data-dir=${userDataDir}`],
      defaultViewport: viewport,
      protocolTimeout: 60000,
    });
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(viewport);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) req.continue();
      else req.abort('blockedbyclient');
    });
    return { version: await browser.version(), pid: browser.process()?.pid ?? null };
  },

  /** Opens the Playground and waits for the composer and the bot's first (welcome) card. */
  async open({ url, timeoutMs }) {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForSelector(COMPOSER, { visible: true, timeout: timeoutMs });
    try {
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(sel)].some((c) => /Welcome to packet-path/.test(c.innerText)),
        { timeout: timeoutMs, polling: 100 },
        CARD,
      );
    } catch (e) {
      throw new Error(
        `the Playground showed no welcome card from the bot within ${timeoutMs} ms (${e.message}); the chat ends with:\n${await chatTail()}`,
      );
    }
    return { cards: await cardCount() };
  },

  /** Types a question into the composer, sends it with Enter, and waits for the reply card. */
  async ask({ text, timeoutMs }) {
    const before = await cardCount();
    const composer = await page.waitForSelector(COMPOSER, { visible: true, timeout: timeoutMs });
    await composer.click();
    await page.keyboard.type(text);
    await page.waitForFunction(
      (sel, t) => document.querySelector(sel)?.innerText.trim() === t,
      { timeout: timeoutMs, polling: 50 },
      COMPOSER,
      text,
    );
    await page.keyboard.press('Enter');
    return waitForReply(before, timeoutMs, JSON.stringify(text));
  },

  /** Clicks the button titled `title` on card `index` and waits for the reply card. */
  async click({ index, title, timeoutMs }) {
    const before = await cardCount();
    const buttons = await page.$$(`${CARD}`).then((cards) => cards[index]?.$$('button') ?? []);
    let target;
    for (const b of buttons) {
      const t = await b.evaluate((el) => el.getAttribute('title') || el.innerText.trim());
      if (t === title) target = b;
    }
    if (!target) throw new Error(`card ${index} has no button "${title}"`);
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await target.click();
    return waitForReply(before, timeoutMs, `the button "${title}"`);
  },

  /** Saves card `index` (with its Teams-style frame) as a PNG; grows the viewport to fit a tall card. */
  async screenshot({ index, path }) {
    const cards = await page.$$(CARD);
    const card = cards[index];
    if (!card) throw new Error(`no card ${index} (there are ${cards.length})`);
    const frame = await card.evaluateHandle((c) => c.closest('.fai-OutputCard') ?? c);
    const box = await frame.boundingBox();
    const grown = box && box.height + 240 > viewport.height;
    if (grown) await page.setViewport({ ...viewport, height: Math.ceil(box.height + 400) });
    try {
      await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await frame.screenshot({ path });
    } finally {
      if (grown) await page.setViewport(viewport);
    }
    return { path };
  },

  /**
   * Card `index`'s height in CSS pixels, the text its message shows outside the card, and the text of the chat item
   * before it (the question, unless the bot sent something else first, e.g. a text bubble).
   */
  async measure({ index }) {
    const cards = await page.$$(CARD);
    const card = cards[index];
    if (!card) throw new Error(`no card ${index} (there are ${cards.length})`);
    return card.evaluate((c) => {
      const frame = c.closest('.fai-OutputCard') ?? c;
      const outside = frame.innerText.replace(c.innerText, '').trim();
      // the nearest earlier chat item that is more than a message header ("Test Bot 10:46 PM")
      let before = '';
      for (let el = frame; el && !before; el = el.parentElement) {
        const text = el.previousElementSibling?.innerText?.trim() ?? '';
        if (text && !/^[^\n]*\n?\s*\d{1,2}:\d{2}\s*[AP]M$/.test(text)) before = text;
      }
      return { card: c.getBoundingClientRect().height, frame: frame.getBoundingClientRect().height, outside, before };
    });
  },

  /**
   * Sets the window's width (e.g. 360 for a phone). The Playground keeps its message column at desktop width, so
   * below 600 px the message frames are narrowed to the window too, as the Teams mobile app shows them.
   */
  async width({ width }) {
    viewport = { ...viewport, width };
    await page.setViewport(viewport);
    await page.evaluate((w) => {
      let style = document.getElementById('packet-path-width');
      if (!style) {
        style = document.createElement('style');
        style.id = 'packet-path-width';
        document.head.appendChild(style);
      }
      style.textContent =
        w < 600
          ? `.fai-OutputCard { width: ${w}px !important; max-width: ${w}px !important; box-sizing: border-box; }
             .fai-OutputCard * { max-width: 100% !important; min-width: 0 !important; box-sizing: border-box; }`
          : '';
    }, width);
    return { width };
  },

  /** A screenshot of the whole window, for a failure. */
  async pageScreenshot({ path }) {
    if (!page) return { path: null };
    await page.screenshot({ path });
    return { path };
  },

  async chatTail({ chars }) {
    return chatTail(chars);
  },

  async close() {
    const b = browser;
    browser = undefined;
    page = undefined;
    if (b) await b.close().catch(() => b.process()?.kill('SIGKILL'));
    return {};
  },
};

let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  await commands.close().catch(() => {});
  process.exit(code);
}

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  if (!line.trim()) return;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    return;
  }
  const fn = commands[msg.cmd];
  try {
    if (!fn) throw new Error(`unknown command ${msg.cmd}`);
    const result = await fn(msg.args ?? {});
    send({ id: msg.id, ok: true, result });
    if (msg.cmd === 'close') await shutdown(0);
  } catch (e) {
    send({ id: msg.id, ok: false, error: e?.stack ?? String(e) });
  }
});
lines.on('close', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
