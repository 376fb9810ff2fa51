// A local stand-in for the Bot Framework's OpenID metadata and signing keys,
// so JWT validation runs for real without the Internet.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import jwt from 'jsonwebtoken';

export class OpenIdServer {
  private server?: Server;
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly kid = 'packet-path-test-key';
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/v1/.well-known/openidconfiguration')) {
        res.end(
          JSON.stringify({
            issuer: 'https://api.botframework.com',
            jwks_uri: `${this.url}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      } else if (req.url?.startsWith('/v1/.well-known/keys')) {
        const jwk = (this.key.publicKey as KeyObject).export({
          format: 'jwk',
        }) as Record<string, string>;
        res.end(
          JSON.stringify({
            keys: [
              {
                ...jwk,
                kty: 'RSA',
                use: 'sig',
                kid: this.kid,
                endorsements: ['msteams'],
              },
            ],
          }),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** A channel token as the Bot Framework would issue it, signed with this server's key. */
  token(appId: string, serviceUrl: string, o: { expiresIn?: number; audience?: string } = {}): string {
    return jwt.sign({ serviceurl: serviceUrl }, this.key.privateKey, {
      algorithm: 'RS256',
      keyid: this.kid,
      issuer: 'https://api.botframework.com',
      audience: o.audience ?? appId,
      expiresIn: o.expiresIn ?? 600,
    });
  }

  /** The same claims signed with a key nobody published: a forgery. */
  forged(appId: string, serviceUrl: string): string {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return jwt.sign({ serviceurl: serviceUrl }, other.privateKey, {
      algorithm: 'RS256',
      keyid: this.kid,
      issuer: 'https://api.botframework.com',
      audience: appId,
      expiresIn: 600,
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
