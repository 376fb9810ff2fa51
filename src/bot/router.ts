// The HTTP surface on node:http: a route table (exact path → method → handler), JSON replies, 404 and 405 with
// the bodies and headers the server has always answered with, and the response shape CloudAdapter.process wants.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request whose body the handler may have read and parsed already (CloudAdapter reads `body`). */
export type Request = IncomingMessage & { body?: Record<string, unknown> };
export type Handler = (req: Request, res: ServerResponse) => unknown;

/** Answers `status` with `body` as JSON (no body for HEAD), unless a reply has started. */
export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (res.req?.method === 'HEAD' || body === undefined) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The path a route is looked up by: the request target without query or fragment (an absolute URL's path), with
 * percent-escapes of unreserved characters decoded (`/%68ealthz` is `/healthz`; `%2F` and `%3F` stay escaped).
 */
function pathOf(url: string | undefined): { raw: string; path: string } {
  const target = url ?? '/';
  let raw: string;
  try {
    raw = new URL(target.startsWith('/') ? `http://h${target}` : target, 'http://h/').pathname;
  } catch {
    raw = target.split(/[?#]/)[0];
  }
  try {
    return { raw, path: decodeURI(raw) };
  } catch {
    return { raw, path: raw };
  }
}

/** Exact-match routes by method; everything else is 404 (unknown path) or 405 (known path, other method). */
export class Router {
  private readonly routes = new Map<string, Map<string, Handler>>();

  /** @param name the `Server` header of every response */
  constructor(
    private readonly name: string,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  on(methods: string | string[], path: string, handler: Handler): this {
    const byMethod = this.routes.get(path) ?? new Map<string, Handler>();
    for (const m of [methods].flat()) byMethod.set(m.toUpperCase(), handler);
    this.routes.set(path, byMethod);
    return this;
  }

  /** The request listener for http.createServer. */
  readonly handle = (req: Request, res: ServerResponse): void => {
    res.setHeader('Server', this.name);
    const { raw, path } = pathOf(req.url);
    const byMethod = this.routes.get(path);
    if (!byMethod) return sendJson(res, 404, { code: 'ResourceNotFound', message: `${raw} does not exist` });
    const method = req.method ?? 'GET';
    const handler = byMethod.get(method);
    if (!handler)
      return sendJson(
        res,
        405,
        { code: 'MethodNotAllowed', message: `${method} is not allowed` },
        { Allow: [...byMethod.keys()].join(', ') },
      );
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((e: unknown) => {
        this.onError(e);
        sendJson(res, 500, { error: 'internal error' });
      });
  };
}

/**
 * The response CloudAdapter.process writes to (status, header, send, end), over node's ServerResponse: an object
 * or string body is sent as JSON, a Buffer as bytes.
 */
export function adapterResponse(res: ServerResponse) {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (res.headersSent) return;
      if (!Buffer.isBuffer(body)) return sendJson(res, res.statusCode, body);
      if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', body.length);
      res.end(body);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
