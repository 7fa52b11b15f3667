/**
 * The renderer's Content-Security-Policy (Electron security checklist §7). Scripts only from the
 * app's own files — no inline script, no eval; React's inline `style` attributes need
 * 'unsafe-inline' for styles only. The renderer talks to main over IPC, so it needs no network
 * (`connect-src 'self'` covers `edn360 serve`, where the same build talks HTTP to its own origin).
 * The same string is in src/renderer/index.html (a test keeps them equal) and is also sent as a
 * response header where Electron lets us add one.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
