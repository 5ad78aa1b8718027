// Content hashes stamped into reports, so a printed sheet can be traced to its exact rubric and evidence.
import { createHash } from 'node:crypto';

/** sha256 of the text with line endings normalised (a file saved on Windows hashes the same). */
export function hashText(text: string): string {
  const normalised = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return 'sha256:' + createHash('sha256').update(normalised, 'utf8').digest('hex');
}
