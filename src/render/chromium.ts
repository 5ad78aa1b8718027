// The system's Chromium, driven by playwright-core (no browser download): launch with the flags known to work here,
// or explain in Chinese how to install it. Used by the PDF formatter and the real-browser tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { RenderError } from './errors.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that work in containers and CI (see design/dependencies.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** $CHROMIUM_PATH when set, else /usr/bin/chromium. */
export function chromiumPath(explicit?: string): string {
  return explicit || process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** The Chinese message shown when Chromium is missing. */
export function chromiumMissingMessage(path: string): string {
  return (
    `未找到 Chromium 浏览器（${path}），无法生成 PDF。\n` +
    `请先安装 Chromium 和中文字体（Debian / Ubuntu）：\n` +
    `  sudo apt-get install chromium fonts-noto-cjk\n` +
    `已安装在其他位置时，用环境变量 CHROMIUM_PATH 指定可执行文件，例如 CHROMIUM_PATH=/usr/bin/chromium-browser。\n` +
    `也可以先输出 HTML(--format html)，再用浏览器打开并打印为 PDF。`
  );
}

/**
 * Launch the system Chromium headless.
 * @throws RenderError CHROMIUM_MISSING when the executable does not exist, CHROMIUM_FAILED when it cannot start
 */
export async function launchChromium(explicitPath?: string): Promise<Browser> {
  const path = chromiumPath(explicitPath);
  if (!existsSync(path)) throw new RenderError('CHROMIUM_MISSING', chromiumMissingMessage(path));
  try {
    return await chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS], timeout: 30000 });
  } catch (err) {
    const first = ((err as Error).message ?? String(err)).split('\n')[0];
    throw new RenderError('CHROMIUM_FAILED', `Chromium（${path}）无法启动：${first}\n请确认已安装 chromium 和 fonts-noto-cjk，或用 CHROMIUM_PATH 指定可用的 Chromium。`);
  }
}
