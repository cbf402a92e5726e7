import { normalizeText } from '../../../../shared/text';

export interface QuickUnit {
  name: string;
  children: Array<{ name: string }>;
}

/**
 * The wizard's quick list: one unit per line; a line that starts with "-", "+", "*", "•" or is
 * indented (spaces, tab) is a cơ sở of the unit above. Leading numbering ("1.", "2)", "a)") is dropped.
 */
export function parseUnitList(text: string): { units: QuickUnit[]; orphans: number[] } {
  const units: QuickUnit[] = [];
  const orphans: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const child = /^(\s+|\s*[-+*•–])/.test(raw);
    const name = normalizeText(raw.replace(/^\s*[-+*•–]\s*/, '').replace(/^\s*(\d+|[a-zđ])[.)]\s+/i, ''));
    if (!name) return;
    if (child) {
      const parent = units[units.length - 1];
      if (parent) parent.children.push({ name });
      else orphans.push(i + 1);
    } else {
      units.push({ name, children: [] });
    }
  });
  return { units, orphans };
}
