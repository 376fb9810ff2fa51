// Plain-text rendering of a result: the CLI's output and the activity's text fallback.
import { asksToChoose, type PathResult } from '../path/result';

const GLYPH: Record<string, string> = {
  client: '👤',
  internet: '🌐',
  dns: '📖',
  'public-ip': '📍',
  'load-balancer': '⚖',
  'nat-gateway': '🔁',
  'route-table': '🛣',
  firewall: '🧱',
  'virtual-appliance': '🧱',
  node: '🖥',
  router: '🔀',
  'ingress-controller': '🔀',
  service: '🎯',
  pod: '📦',
};

export const glyph = (kind: string): string => GLYPH[kind] ?? '•';

/** A data age in words: 40 s, 3 min, 2 h. */
export const formatAge = (seconds: number): string =>
  seconds < 120
    ? `${seconds} s`
    : seconds < 7200
      ? `${Math.round(seconds / 60)} min`
      : `${Math.round(seconds / 3600)} h`;

/** Said under every text answer from the bundled demo: its addresses are not the reader's cluster's. */
const DEMO_NOTE = '(Demo: the bundled demo cluster aro2, not yours. Use --snapshot DIR or --live for your own.)';

/** The path and facts of one answer ("Path:" titled otherwise for one of several pairs). */
function pathAndFacts(r: PathResult, heading = 'Path:'): string[] {
  const out: string[] = [];
  if (r.hops.length) {
    out.push('', heading);
    r.hops.forEach((h, i) => {
      const where = [h.ip, h.port].filter((x) => x !== undefined).join(':');
      const packet = h.src || h.dst ? `  [${h.src ?? '?'} → ${h.dst ?? '*'}]` : '';
      out.push(`  ${i + 1}. ${h.kind.padEnd(17)} ${h.name}${where ? ` (${where})` : ''}${packet}`);
      if (h.note) out.push(`     ${' '.repeat(17)} ${h.note}`);
    });
  }
  if (r.facts.length) {
    out.push('');
    for (const f of r.facts) out.push(`  ${f.label}: ${f.value}`);
  }
  return out;
}

export function renderText(r: PathResult, opts: { verify?: boolean; demo?: boolean } = {}): string {
  const out: string[] = [r.answer];
  // several pairs asked: each pair's path, under its number
  if (r.parts)
    r.parts.forEach((p, i) => out.push(...pathAndFacts(p, `Path ${i + 1}${p.title ? ` (${p.title})` : ''}:`)));
  else out.push(...pathAndFacts(r));
  // the card's buttons, as questions to ask again: a reply that says "pick one" must show what to pick from
  if (asksToChoose(r)) out.push('', 'Ask one of:', ...r.followUps.map((f) => `  ${f.question}   (${f.title})`));
  if (r.warnings.length) out.push('', ...r.warnings.map((w) => `⚠ ${w}`));
  if (r.errors.length) out.push('', 'Could not check:', ...r.errors.map((e) => `  ✗ ${e.lookup}: ${e.reason}`));
  if (opts.verify !== false && r.verify.length) out.push('', 'Verify it yourself:', ...r.verify.map((v) => `  $ ${v}`));
  if (r.dataAge !== undefined)
    out.push('', `(Azure data ${formatAge(r.dataAge)} old; "refresh <question>" re-reads it.)`);
  if (opts.demo) out.push('', DEMO_NOTE);
  return out.join('\n');
}

/**
 * The text as Teams shows it literally: values from the cluster or the question (an env value
 * "[Re-authenticate here](https://evil.example/login)") must not become links, images, emphasis or HTML.
 */
export const escapeMarkdownText = (s: string): string =>
  s
    .replace(/[\\`*[\]~]/g, '\\$&')
    .replace(/</g, '‹')
    .replace(/>/g, '›');

/** Text inside a ``` block: only a run of backticks could end the block early. */
export const escapeCodeBlock = (s: string): string => s.replace(/`{3,}/g, (run) => run.split('').join('\u200b'));
