import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitWindowState, parseWindowState, readWindowState, writeWindowState } from '../../electron/main/windowState';
import { tempDir } from './tmp';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const secondScreen = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('ignores garbage files and wrong shapes', () => {
    const dir = tempDir('qcdc-ws-');
    for (const content of ['', 'not json', '[]', 'null', '{"width":"1200","height":700}', '{"width":-5,"height":700}', '{"width":1e9,"height":700}', '{"width":1200.5,"height":700}']) {
      fs.writeFileSync(path.join(dir, 'window-state.json'), content);
      expect(readWindowState(dir), content).toBeNull();
    }
    expect(parseWindowState({ width: 1200, height: 700, x: 'a', y: 3 })).toEqual({ width: 1200, height: 700, maximized: false });
    expect(readWindowState(path.join(dir, 'missing'))).toBeNull();
  });

  it('round-trips what it writes', () => {
    const dir = tempDir('qcdc-ws-');
    writeWindowState(dir, { x: 10, y: 20, width: 1100, height: 650, maximized: true });
    expect(readWindowState(dir)).toEqual({ x: 10, y: 20, width: 1100, height: 650, maximized: true });
  });

  it('centres a window whose screen is gone and shrinks it to fit', () => {
    const saved = { x: 2000, y: 100, width: 1800, height: 1000, maximized: false };
    expect(fitWindowState(saved, [secondScreen, laptop], laptop)).toEqual({ x: 1486, y: 40, width: 1800, height: 1000, maximized: false });
    expect(fitWindowState(saved, [laptop], laptop)).toEqual({ width: 1366, height: 728, maximized: false });
  });

  it('keeps a visible position and pulls a half-off window back on screen', () => {
    expect(fitWindowState({ x: 100, y: 50, width: 1000, height: 600, maximized: false }, [laptop], laptop)).toMatchObject({ x: 100, y: 50 });
    expect(fitWindowState({ x: 900, y: 300, width: 1000, height: 600, maximized: false }, [laptop], laptop)).toMatchObject({ x: 366, y: 128 });
    // Title bar above the top of every screen: cannot be grabbed, so centre it.
    expect(fitWindowState({ x: 100, y: -500, width: 1000, height: 600, maximized: false }, [laptop], laptop).x).toBeUndefined();
  });

  it('defaults to the office screen size', () => {
    expect(fitWindowState(null, [laptop], laptop)).toEqual({ width: 1366, height: 728, maximized: false });
  });
});
