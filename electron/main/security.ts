import type { Event as ElectronEvent, HandlerDetails, WebPreferences, WindowOpenHandlerResponse } from 'electron';

/**
 * The renderer's web preferences (the security policy). Kept in one constant so the test
 * asserts every value and nobody loosens one in passing. `devTools` only for `electron-vite dev`
 * (an unpackaged app on the dev server): in a shipped window the DevTools console would let anyone
 * at the keyboard call every channel past the renderer's own checks.
 */
export function mainWindowWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools === true,
  };
}

/** Hidden windows that only turn our own print HTML into PDF: no preload, no Node, sandboxed. */
export function printWindowWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
    offscreen: false,
  };
}

/**
 * Links the app may open in the OS browser (Help menu, legal texts cited in the UI). Exact https
 * hosts only; everything else is refused.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'thuvienphapluat.vn',
  'vanban.chinhphu.vn',
  'tulieuvankien.dangcongsan.vn',
  'dangcongsan.vn',
  'danvan.vn',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_LINK_HOSTS.some((allowed) => host === allowed || host === `www.${allowed}`);
}

/** The parts of a webContents the policy touches (a fake one in tests). */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: ElectronEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: ElectronEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export interface Opener {
  openExternal(url: string): Promise<void>;
}

/**
 * Navigation policy: the page never leaves the app (hash routing changes no document), never opens
 * windows, never attaches a webview. An allowlisted https link goes to the OS browser instead.
 */
export function hardenWebContents(
  contents: HardenableWebContents,
  shell: Opener,
  log: (message: string, extra?: unknown) => void = () => undefined,
): void {
  const refuse = (kind: string) => (event: ElectronEvent, url: string) => {
    event.preventDefault();
    log(`${kind} refused`, { url: String(url).slice(0, 300) });
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    if (isAllowedExternalUrl(details.url)) {
      shell.openExternal(details.url).catch(() => undefined);
    } else {
      log('window.open refused', { url: details.url.slice(0, 300) });
    }
    return { action: 'deny' };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** No camera, microphone, geolocation, notifications-from-the-page, MIDI… nothing is granted. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
