// The request body of /api/messages, read before authentication and so bounded: JSON only, at most LIMIT bytes
// on the wire AND after decompression (a 261 KB gzip can expand to 268 MB), within a time limit (a trickled body
// must not hold a socket). Nothing else parses it: no multipart, no inflating without a cap.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export const BODY_LIMIT = 1024 * 1024;

/** A body refused, with the HTTP status to answer. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

const encodingOf = (req: IncomingMessage): string =>
  String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();

/** Why the headers alone rule the body out (415, 413), before a byte of it is read. */
export function headerProblem(req: IncomingMessage, limit = BODY_LIMIT): BodyError | undefined {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') return new BodyError(415, `content-type ${type.slice(0, 60) || '(none)'}`);
  const enc = encodingOf(req);
  if (enc !== 'identity' && !DECODERS[enc]) return new BodyError(415, `content-encoding ${enc.slice(0, 60)}`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return new BodyError(413, 'content-length over the limit');
  return undefined;
}

/** The body as parsed JSON; rejects with a BodyError (400, 408, 413). */
export function readJson(req: IncomingMessage, limit = BODY_LIMIT, timeoutMs = 10_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const decoder = DECODERS[encodingOf(req)]?.();
    const out = decoder ?? req;
    const chunks: Buffer[] = [];
    let wire = 0;
    let size = 0;
    let done = false;
    const finish = (e?: BodyError, value?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      if (e) reject(e);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new BodyError(408, 'body not received in time')), timeoutMs);
    req.on('data', (c: Buffer) => {
      wire += c.length;
      if (wire > limit) finish(new BodyError(413, 'body over the limit'));
    });
    out.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) finish(new BodyError(413, 'decompressed body over the limit'));
      else chunks.push(c);
    });
    out.on('end', () => {
      if (done) return;
      try {
        finish(undefined, JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        finish(new BodyError(400, 'the body is not JSON'));
      }
    });
    out.on('error', () => finish(new BodyError(400, 'the body cannot be decoded')));
    if (decoder) {
      req.on('error', () => finish(new BodyError(400, 'the request failed')));
      req.pipe(decoder);
    }
    req.on('aborted', () => finish(new BodyError(400, 'the request was aborted')));
  });
}
