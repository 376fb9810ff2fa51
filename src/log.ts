// Structured JSON logs (pino). Anything that may hold a credential is redacted.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'packet-path' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          '*.authorization',
          '*.Authorization',
          '*.password',
          '*.MicrosoftAppPassword',
          '*.token',
          '*.secret',
          'headers.authorization',
          'req.headers.authorization',
        ],
        censor: '***',
      },
    },
    destination,
  );
}
