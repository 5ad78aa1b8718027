// Control characters in untrusted text: an agency's name with ESC sequences (erase line, cursor movement, OSC 8
// links), BEL or bidirectional overrides could hide a warning or forge a line on an officer's terminal. Evidence
// strings containing them are refused (evidence schema); every text formatter also strips them (second defence).

/**
 * C0 controls except tab and line feed, a carriage return not followed by a line feed (a lone CR rewrites the
 * terminal line; CRLF is an ordinary line break, e.g. in CSV), DEL, C1 controls (0x80–0x9F, incl. the 8-bit CSI),
 * and the Unicode bidirectional embedding/override/isolate controls ("Trojan Source").
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** The first control character of `s` and its 1-based position (in characters), or null. */
export function findControlChar(s: string): { char: string; position: number; name: string } | null {
  const m = CONTROL.exec(s);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code === 0x1b ? `ESC(${hex})` : code === 0x07 ? `BEL(${hex})` : code === 0x0d ? `回车符(${hex})` : code === 0x9b ? `CSI(${hex})` : hex;
  return { char: m[0], position: [...s.slice(0, m.index)].length + 1, name };
}

/**
 * JSON text with the control characters JSON.stringify leaves raw (DEL, C1, bidi controls) written as \uXXXX
 * escapes: the same value when parsed, and nothing a terminal would act on when printed. They can only occur inside
 * strings, so the replacement never touches the JSON structure.
 */
export function escapeControlCharsInJson(json: string): string {
  return /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(json)
    ? json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

/** `s` with every control character removed (tab, line feed and CRLF kept). Cheap when there is none. */
export function stripControlChars(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROL_ALL, '') : s;
}
