import fs from 'node:fs';
import path from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Smallest useful size: the UI is designed for 1366×768 office screens. */
export const MIN_WIDTH = 1000;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1366;
const DEFAULT_HEIGHT = 768;
/** How much of the title bar must be on a screen for a saved position to be kept. */
const VISIBLE_MARGIN = 100;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;
}

/** Parses the saved file; anything malformed yields null (the caller uses defaults). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height) || r.width <= 0 || r.height <= 0) return null;
  const state: WindowState = { width: r.width, height: r.height, maximized: r.maximized === true };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

export function readWindowState(userDataDir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return null;
  }
}

export function writeWindowState(userDataDir: string, state: WindowState): void {
  try {
    const target = path.join(userDataDir, WINDOW_STATE_FILE);
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(`${target}.tmp`, JSON.stringify(state));
    fs.renameSync(`${target}.tmp`, target);
  } catch {
    /* losing the window position is not worth an error */
  }
}

/**
 * Fits a saved state onto the screens present now (a laptop undocked from its second monitor):
 * size no bigger than the work area of the chosen display, position kept only when the top strip of
 * the window is visible on some display, else centred on the primary display.
 */
export function fitWindowState(saved: WindowState | null, workAreas: Rect[], primary: Rect): WindowState {
  const base = saved ?? { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false };
  const visibleOn =
    base.x !== undefined && base.y !== undefined
      ? workAreas.find((area) => {
          const x = base.x as number;
          const y = base.y as number;
          const overlapX = Math.min(x + base.width, area.x + area.width) - Math.max(x, area.x);
          return overlapX >= Math.min(VISIBLE_MARGIN, base.width) && y >= area.y && y < area.y + area.height - 40;
        })
      : undefined;
  const area = visibleOn ?? primary;
  const width = Math.max(Math.min(base.width, area.width), Math.min(MIN_WIDTH, area.width));
  const height = Math.max(Math.min(base.height, area.height), Math.min(MIN_HEIGHT, area.height));
  const state: WindowState = { width, height, maximized: base.maximized };
  if (visibleOn && base.x !== undefined && base.y !== undefined) {
    state.x = Math.min(Math.max(base.x, area.x), area.x + area.width - width);
    state.y = Math.min(Math.max(base.y, area.y), area.y + area.height - height);
  }
  return state;
}
