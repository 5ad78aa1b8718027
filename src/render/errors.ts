// Errors a renderer raises about its environment or a custom template: the CLI prints the Chinese message and
// exits 2 (usage / environment error) without a stack trace.

export type RenderErrorCode =
  /** No Chromium executable (PDF output). */
  | 'CHROMIUM_MISSING'
  /** Chromium exists but could not start or print. */
  | 'CHROMIUM_FAILED'
  /** No font with Chinese glyphs: the PDF would print empty boxes. */
  | 'CJK_FONT_MISSING'
  /** A template file could not be read or compiled, or uses a forbidden construct. */
  | 'TEMPLATE_INVALID'
  /** A template referenced a field the view model does not have (Handlebars strict mode). */
  | 'TEMPLATE_RENDER_FAILED'
  /** A format cannot render the requested view (e.g. the leader summary as CSV). */
  | 'VIEW_UNSUPPORTED';

export class RenderError extends Error {
  constructor(
    readonly code: RenderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}

export function isRenderError(e: unknown): e is RenderError {
  return e instanceof RenderError;
}
