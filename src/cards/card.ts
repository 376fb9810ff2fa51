// PathResult → Adaptive Card 1.5 (what Teams renders), bound with adaptivecards-templating.
import * as ACData from 'adaptivecards-templating';
import type { PathResult } from '../path/result';
import template from './templates/path.json';
import { glyph } from './text';

/** Neutralize Adaptive Card markdown in text that may carry what a user typed. */
export const escapeMarkdown = (s: string): string =>
  s
    .replace(/([\\`*_[\]~])/g, '\\$1')
    .replace(/^(\s*)([-+>#]|\d+\.)(?=\s)/gm, '$1\\$2');

const TITLES: Record<string, string> = { 'not-understood': 'I did not understand', 'not-found': 'Not found', ambiguous: 'Which one?' };

export function cardData(r: PathResult) {
  const e = escapeMarkdown;
  return {
    title: e(r.title ?? TITLES[r.status] ?? r.answer.split('\n')[0]),
    answer: e(r.answer),
    hops: r.hops.map((h) => ({
      glyph: glyph(h.kind),
      name: e(h.name),
      where: h.ip ? ` · ${e([h.ip, h.port].filter((x) => x !== undefined).join(':'))}` : '',
      packet: h.src || h.dst ? `${h.src ?? '?'} → ${h.dst ?? '*'}` : '',
      note: e(h.note ?? ''),
    })),
    warnings: r.warnings.map((w) => ({ text: e(w) })),
    errors: r.errors.map((x) => ({ lookup: e(x.lookup), reason: e(x.reason) })),
    facts: r.facts.map((f) => ({ label: f.label, value: e(f.value) })),
    verify: r.verify.map((v) => ({ text: e(v) })),
    followUps: r.followUps,
  };
}

export function renderCard(r: PathResult): Record<string, unknown> {
  return new ACData.Template(template).expand({ $root: cardData(r) });
}
