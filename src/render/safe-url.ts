// Links in rendered output: only absolute http(s) URLs ever become an href. Anything else (javascript:, data:,
// relative paths, garbage) is shown as plain text by the templates.

/**
 * @returns the normalised URL when `raw` is an absolute http: or https: URL, else null.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  // The WHATWG parser strips leading/trailing C0 controls and spaces and tabs/newlines inside — check the input
  // itself too, so a URL that only becomes http(s) after that cleanup is refused.
  if (!/^https?:\/\//i.test(raw) || /[\u0000-\u001f\u007f\s]/.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username !== '' || u.password !== '') return null;
  return u.href;
}
