import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The rule lives in eslint.config.js (plain JS, no type declarations): load it untyped.
interface LayoutConfig {
  domainCycles: (coreDir: string) => string[];
  layoutPlugin: ESLint.Plugin;
}
const root = path.resolve(__dirname, '../..');
const load = async () => (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as LayoutConfig;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A throw-away electron/core with the given files (path → source). */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-cycles-'));
  temps.push(dir);
  for (const [name, source] of Object.entries(files)) {
    const full = path.join(dir, 'electron/core', name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, source);
  }
  return dir;
}

describe('imports between the domain folders of electron/core', () => {
  it('form no cycle in the real tree', async () => {
    const { domainCycles } = await load();
    expect(domainCycles(path.join(root, 'electron/core'))).toEqual([]);
  });

  it('fail ESLint when a cycle between two domain folders is planted (also through a third one and in safety/)', async () => {
    const { layoutPlugin } = await load();
    const dir = tree({
      'plans/service.ts': "import { rule } from '../tasks/rules';\nexport const plan = rule;\n",
      'tasks/rules.ts': 'export const rule = 1;\n',
      'tasks/urging.ts': "import { plan } from '../plans/service';\nexport const urging = plan;\n",
      'meetings/a.ts': "import { b } from '../models/b';\nexport const a = b;\n",
      'models/b.ts': "import { c } from '../safety/trash/c';\nexport const b = c;\n",
      'safety/trash/c.ts': "import type { a } from '../../meetings/a';\nexport const c = 1 as unknown as typeof a;\n",
      'safety/labels.ts': "export const label = 'x';\n",
      'safety/backup/d.ts': "import { label } from '../labels';\nexport const d = label;\n",
      'registry.ts': "import { plan } from './plans/service';\nexport const all = plan;\n",
    });
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { layout: layoutPlugin },
          rules: { 'layout/no-domain-cycle': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['electron/core/**/*.ts']);
    const errors = results
      .flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}: ${m.message}`))
      .sort();
    expect(errors).toEqual([
      'electron/core/meetings/a.ts: Import cycle between domain folders of electron/core: meetings → models → safety/trash → meetings. Move the shared piece down (export/, db/, a lower domain) instead.',
      'electron/core/models/b.ts: Import cycle between domain folders of electron/core: models → safety/trash → meetings → models. Move the shared piece down (export/, db/, a lower domain) instead.',
      'electron/core/plans/service.ts: Import cycle between domain folders of electron/core: plans → tasks → plans. Move the shared piece down (export/, db/, a lower domain) instead.',
      'electron/core/safety/trash/c.ts: Import cycle between domain folders of electron/core: safety/trash → meetings → models → safety/trash. Move the shared piece down (export/, db/, a lower domain) instead.',
      'electron/core/tasks/urging.ts: Import cycle between domain folders of electron/core: tasks → plans → tasks. Move the shared piece down (export/, db/, a lower domain) instead.',
    ]);
  });
});
