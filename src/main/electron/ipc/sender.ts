import { isAppUrl, type RendererLocation } from '../trusted-url';

/** The part of Electron's WebFrameMain the check reads (tests pass plain objects). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/**
 * Electron security checklist §17: answer only the app's own top-level page. `senderFrame` is null
 * when the frame navigated away or was destroyed before the call arrived (electron#43473) — refused,
 * as are sub-frames and any page that is not the app's renderer (a link that escaped the navigation
 * guard, a dev server URL in a built app).
 */
export function isTrustedSender(frame: FrameLike | null | undefined, location: RendererLocation): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, location);
}
