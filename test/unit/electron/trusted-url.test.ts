import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, rendererLocation } from '../../../src/main/electron/trusted-url';
import { builtLocation, devLocation } from './fakes';

// Pure URL checks (no Electron involved): table-driven with misleading URLs, as Actual Budget does.
describe('isAppUrl', () => {
  it.each([
    [builtLocation.fileUrl, true],
    [`${builtLocation.fileUrl}#/clients/42`, true],
    [`${builtLocation.fileUrl}?x=1`, true],
    ['file:///opt/EDN360%20Coach/resources/app.asar/out/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file://evil-host/opt/EDN360%20Coach/resources/app.asar/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['https://example.com/', false],
    ['not a url', false],
    ['', false],
  ])('built app: %s → %s', (url, expected) => {
    expect(isAppUrl(url, builtLocation)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5174/', false],
    ['http://localhost:5173.evil.example/', false],
    ['http://evil.example/?http://localhost:5173/', false],
    ['ws://localhost:5173/', false],
  ])('dev server: %s → %s', (url, expected) => {
    expect(isAppUrl(url, devLocation)).toBe(expected);
  });

  it('builds the file URL of the built page', () => {
    const location = rendererLocation('/tmp/a b/index.html', undefined);
    expect(location).toEqual({ fileUrl: 'file:///tmp/a%20b/index.html', devServerUrl: null });
    expect(rendererLocation('/x/index.html', '  ').devServerUrl).toBeNull();
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://edn360.example/ayuda', true],
    ['http://edn360.example/', false],
    ['https://user:secret@edn360.example/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['data:text/html,hi', false],
    ['https://', false],
    ['nonsense', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
