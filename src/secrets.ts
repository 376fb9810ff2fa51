// What counts as a secret, for every place that shows or writes Kubernetes
// objects: pod facts (never shown) and capture (never written).

const SECRET_NAME = /pass(word|wd)?|secret|token|key|credential|connection.?string|conn.?str|auth|cert|private/i;
const SECRET_VALUE =
  /(password|pwd|secret|token|accountkey|sharedaccesskey)\s*=|-----BEGIN|eyJ[A-Za-z0-9_-]{10,}\.|^[A-Za-z0-9+/]{40,}={0,2}$/i;

/** A value that looks like a credential whatever its name (connection strings, JWTs, keys). */
export const looksSecretValue = (value: string): boolean => SECRET_VALUE.test(value);

/** An env variable (or annotation) whose name or value suggests a secret. */
export const looksSecret = (name: string, value = ''): boolean => SECRET_NAME.test(name) || looksSecretValue(value);
