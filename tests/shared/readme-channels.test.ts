import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, contract, events } from '../../shared/contract';

/**
 * The channel list in docs/api.md is generated from the contract, never hand-kept: this test fails
 * when the block between the markers differs (a channel missing, one too many, a stale summary), and
 * `npm run docs:channels` (UPDATE_DOCS=1; UPDATE_README=1 still works) rewrites it.
 */
const ROOT = path.resolve(__dirname, '../..');
const API_DOC = path.join(ROOT, 'docs/api.md');
const START = '<!-- channels:start -->';
const END = '<!-- channels:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function channelBlock(): string {
  const lines = [
    '',
    `${channelNames.length} channels (generated from \`shared/contract\` by \`npm run docs:channels\`; \`GET /rpc\` gives their JSON Schemas).`,
    '',
    '| Channel | What it does |',
    '| --- | --- |',
    ...channelNames.map((name) => `| \`${name}\` | ${cell(contract[name].summary)} |`),
    '',
    `Events (\`GET /events\`, \`window.qcdc.on\`): ${Object.keys(events)
      .map((e) => `\`${e}\``)
      .join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}

function currentBlock(doc: string): string | null {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return null;
  return doc.slice(start + START.length, end);
}

const updating = process.env.UPDATE_DOCS === '1' || process.env.UPDATE_README === '1';

describe('docs/api.md channel list', () => {
  it('matches the contract (run `npm run docs:channels` to regenerate)', () => {
    const doc = fs.readFileSync(API_DOC, 'utf8');
    const block = currentBlock(doc);
    expect(block, `docs/api.md needs the markers ${START} … ${END}`).not.toBeNull();
    const wanted = channelBlock();
    if (updating && block !== wanted) {
      const start = doc.indexOf(START) + START.length;
      const end = doc.indexOf(END);
      fs.writeFileSync(API_DOC, doc.slice(0, start) + wanted + doc.slice(end));
      return;
    }
    expect(block).toBe(wanted);
  });

  it('is the only channel list: the README links to it instead of carrying a copy that could go stale', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toContain(START);
    expect(readme).toContain('docs/api.md');
  });

  it('documents every channel with a one-line summary', () => {
    for (const name of channelNames) {
      expect(contract[name].summary.trim().length, name).toBeGreaterThan(10);
      expect(name, 'channels are named domain.action').toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
    }
  });
});
