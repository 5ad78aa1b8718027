// The API's JSON body parser: plain JSON.parse, bounded by the body limit and a nesting-depth limit, refusing the
// keys the engine's parsers refuse (__proto__, constructor, prototype) with a Chinese message naming the key's path.
import type { FastifyInstance } from 'fastify';
import { FORBIDDEN_KEYS } from '../../load/parse-source.js';
import { invalid } from '../domain/errors.js';

export const MAX_JSON_DEPTH = 64;

function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Parse request JSON; throws INVALID (400) in Chinese. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw invalid('请求内容为空,应为 JSON');
  if (depthOf(text) > MAX_JSON_DEPTH) throw invalid(`请求内容嵌套超过 ${MAX_JSON_DEPTH} 层`);
  let bad: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, v) {
      if (bad === null && FORBIDDEN_KEYS.has(key)) bad = key;
      return v;
    });
  } catch (err) {
    const m = err instanceof Error ? /position (\d+)/.exec(err.message) : null;
    throw invalid(`请求内容不是有效的 JSON${m ? `(第 ${m[1]} 个字符附近)` : ''}`);
  }
  if (bad !== null) throw invalid(`请求内容含有不允许的键"${bad}"(可能用于原型污染),已拒绝`);
  return value;
}

export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
