// What every hostile case asserts besides its code: the user sees Chinese, never a stack trace, an English
// exception class or library message, nor a control character from the input.
import { expect } from 'vitest';

/** English internals that must never reach users (V8, Node and library messages seen in earlier defects). */
const INTERNALS = [
  /^\s{4}at /m,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):/,
  /Cannot read propert/,
  /Invalid string length/,
  /Undefined fact/,
  /undefined|\[object Object\]/,
  /EEXIST|ENOTDIR|ENOENT|EISDIR|EACCES/,
  /Maximum call stack/,
  /Unexpected token/,
  /end of central directory/i,
];

export function expectNoInternals(out: { stdout?: string; stderr?: string } | string): void {
  const texts = typeof out === 'string' ? [out] : [out.stdout ?? '', out.stderr ?? ''];
  for (const text of texts) {
    for (const re of INTERNALS) expect(text, `leaked ${re}`).not.toMatch(re);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }
}
