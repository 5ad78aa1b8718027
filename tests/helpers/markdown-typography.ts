// Chinese typography for a markdown document's prose: half-width （）：，； touching Chinese become full-width and
// "…" around Chinese becomes 「…」 (chineseTypography), while fenced code, code spans, links, HTML tags and URLs are
// left exactly as written. Paragraphs are typeset whole so that a bracket pair split over two lines is one pair.
// Used by tests/docs/readme-typography.test.ts: the README and the rubric guide must already be typeset.
import { chineseTypography } from '../../src/render/chinese-text.js';

const HAN = /[\u4e00-\u9fff]/;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
/** Stand-in for markdown's ** (bold), counted as Chinese context: **单位**:… → **单位**：… */
const BOLD = '\u3006';

function typesetBlock(block: string): string {
  if (!HAN.test(block)) return block;
  const kept: string[] = [];
  const hold = (s: string): string => {
    kept.push(s);
    return `\uE000${kept.length - 1}\uE001`;
  };
  let t = block
    .replace(/(`+)[^\n]*?\1/g, hold)
    .replace(/\]\([^)\s]*\)/g, (m) => ']' + hold(m.slice(1)))
    .replace(/<[^>\n]+>/g, hold)
    .replace(/https?:\/\/[^\s)）]+/g, hold);
  // Quotes pair up in order; a pair becomes 「…」 when it holds Chinese or stands in Chinese text.
  t = t.replace(/(.?)"([^"\n]*)"(.?)/gu, (m, before: string, inner: string, after: string) =>
    HAN.test(inner) || HAN.test(before) || HAN.test(after) ? `${before}「${inner}」${after}` : m,
  );
  t = chineseTypography(t.replace(/\*\*/g, BOLD));
  // After a code span: before Chinese, the end of a line, or another code span.
  t = t.replace(/\uE001([,;:])(?=[ \t]*$|[ \t]*\n|[ \t]*[\u4e00-\u9fff\u3006「]|\uE000)/gm, (_, p: string) => '\uE001' + FULL[p]!);
  return t.replace(new RegExp(BOLD, 'g'), '**').replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]!);
}

/** A mark made full-width can make its neighbour's context Chinese: repeat until nothing changes. */
function untilStable(block: string): string {
  for (let i = 0; i < 5; i++) {
    const next = typesetBlock(block);
    if (next === block) break;
    block = next;
  }
  return block;
}

/** The document with its prose typeset; same number of lines. */
export function typesetMarkdown(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let fence = false;
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push(...untilStable(para.join('\n')).split('\n'));
    para = [];
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fence = !fence;
      out.push(line);
    } else if (fence || line.trim() === '' || /^\s*<!--/.test(line)) {
      flush();
      out.push(line);
    } else if (line.startsWith('#')) {
      flush();
      out.push(untilStable(line));
    } else para.push(line);
  }
  flush();
  return out.join('\n');
}
