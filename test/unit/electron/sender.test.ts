import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/main/electron/ipc/sender';
import { appFrame, builtLocation, devLocation, frame } from './fakes';

// senderFrame is faked as a plain {url, parent} object (Electron's WebFrameMain at the boundary).
describe('isTrustedSender', () => {
  it('accepts the app page as the top-level frame', () => {
    expect(isTrustedSender(appFrame, builtLocation)).toBe(true);
  });

  it('refuses a null or missing senderFrame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, builtLocation)).toBe(false);
    expect(isTrustedSender(undefined, builtLocation)).toBe(false);
  });

  it('refuses sub-frames, even at the app URL', () => {
    expect(isTrustedSender(frame(builtLocation.fileUrl, appFrame), builtLocation)).toBe(false);
  });

  it('refuses other pages and the dev server in a built app', () => {
    expect(isTrustedSender(frame('https://evil.example/'), builtLocation)).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/index.html'), builtLocation)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5173/'), builtLocation)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5173/'), devLocation)).toBe(true);
  });
});
