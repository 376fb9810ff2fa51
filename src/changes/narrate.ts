// The recorded changes in words: one line each with its time, or what holds now when nothing changed.
import { result, type PathResult } from '../path/result';
import type { ChangesDecision } from './decide';

/** Lines listed at most; the rest are counted. */
const SHOWN = 20;

const utc = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');

export function narrate(d: ChangesDecision): PathResult {
  if (d.kind === 'no-history')
    return result(
      'changes',
      'answered',
      `Change history needs a live cluster: this answer comes from the ${d.source}, which does not change. ` +
        'To compare two snapshot folders, run `packet-path diff OLD NEW`.',
      { title: 'No change history for a snapshot', verify: ['packet-path diff OLD NEW'] },
    );
  const about = d.about.length ? ` about ${d.about.join(', ')}` : '';
  const window = `${d.window.said}, since ${utc(d.from)}`;
  const warnings: string[] = [];
  if (d.since === undefined) warnings.push('No fact set has been recorded yet: history starts with the first one.');
  else if (d.since > d.from)
    warnings.push(`History is kept only since ${utc(d.since)} (in memory, since the bot started watching).`);
  const facts = [{ label: 'History since', value: d.since === undefined ? 'not yet recorded' : utc(d.since) }];
  if (!d.changes.length) {
    const now = d.current.map((f) => `${f.subject}: ${f.value}${f.detail ? ` (${f.detail})` : ''}`);
    const answer = `No: no path-relevant change${about} in ${window}.${now.length ? ` Now: ${now.join('; ')}.` : ''}`;
    return result('changes', 'answered', answer, { title: `No change${about}`, warnings, facts });
  }
  const lines = d.changes.slice(-SHOWN).map((c) => `• ${utc(c.at)} — ${c.kind}: ${c.impact}`);
  const more = d.changes.length > SHOWN ? `\n(${d.changes.length - SHOWN} earlier changes not shown)` : '';
  const n = d.changes.length;
  const head = `Yes: ${n} path-relevant change${n === 1 ? '' : 's'}${about} in ${window}:`;
  return result('changes', 'answered', `${head}\n${lines.join('\n')}${more}`, {
    title: `${n} change${n === 1 ? '' : 's'}${about}`,
    warnings,
    facts,
  });
}
