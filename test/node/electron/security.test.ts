import { readFileSync } from 'node:fs';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isTrustedIpcSender,
  secureWebPreferences,
} from '../../../electron/security';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('secureWebPreferences', () => {
  it('isolates the renderer completely', () => {
    const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself and nothing framed or posted', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('says at least what the meta tag in renderer/index.html says, and is stricter on connect-src', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const [name, value] of directives(meta ?? '')) {
      // The browser build talks to HQ itself; in Electron the main process does, so
      // the header (which applies together with the meta tag) allows only 'self'.
      if (name === 'connect-src') expect(value).toBe("'self' http: https:");
      else expect(csp.get(name), name).toBe(value);
    }
  });
});

describe('navigation and IPC senders', () => {
  it('allow only the desk origin', () => {
    expect(isAllowedNavigation('app://desk/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/')).toBe(false);
    expect(isAllowedNavigation('app://other/')).toBe(false);
    expect(isTrustedIpcSender('app://desk/index.html')).toBe(true);
    expect(isTrustedIpcSender('http://127.0.0.1:5173/')).toBe(false);
    expect(isTrustedIpcSender(null)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every request and check', () => {
    const callback = vi.fn();
    denyPermissionRequest(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('hardenSession installs the deny handlers', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    hardenSession(session as unknown as Session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(deviceHandler()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: { url?: string; preventDefault: () => void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler;
      },
    };
    hardenWebContents(contents as unknown as WebContents);
    const fire = (name: string, url?: string): boolean => {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    return { listeners, fire, openWindow: () => openHandler?.() };
  }

  it('blocks navigation and redirects away from the desk', () => {
    const { fire } = fakeContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.com/'), event).toBe(true);
      expect(fire(event, 'app://desk/index.html'), event).toBe(false);
    }
  });

  it('denies new windows and webviews', () => {
    const { fire, openWindow } = fakeContents();
    expect(openWindow()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
