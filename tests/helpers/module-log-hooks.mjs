// Module customization hooks (node:module register) that print every module URL Node loads, one `LOADED <url>` line
// on stderr, for tests/cli/lazy-commands.test.ts. They only observe: every call is passed on unchanged.
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  process.stderr.write(`LOADED ${r.url}\n`);
  return r;
}
