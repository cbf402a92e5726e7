import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, contract, events } from '../../shared/contract';

/**
 * The README's channel list is generated from the contract, never hand-kept: this test fails when
 * the block between the markers differs, and `npm run docs:channels` (UPDATE_README=1) rewrites it.
 */
const README = path.resolve(__dirname, '../../README.md');
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

function currentBlock(readme: string): string | null {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + START.length, end);
}

describe('README channel list', () => {
  it('matches the contract (run `npm run docs:channels` to regenerate)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const block = currentBlock(readme);
    expect(block, `README.md needs the markers ${START} … ${END}`).not.toBeNull();
    const wanted = channelBlock();
    if (process.env.UPDATE_README === '1' && block !== wanted) {
      const start = readme.indexOf(START) + START.length;
      const end = readme.indexOf(END);
      fs.writeFileSync(README, readme.slice(0, start) + wanted + readme.slice(end));
      return;
    }
    expect(block).toBe(wanted);
  });

  it('documents every channel with a one-line summary', () => {
    for (const name of channelNames) {
      expect(contract[name].summary.trim().length, name).toBeGreaterThan(10);
      expect(name, 'channels are named domain.action').toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
    }
  });
});
