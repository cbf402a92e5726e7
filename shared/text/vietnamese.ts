/**
 * Vietnamese text rules shared by every layer (DOMAIN.md, "Vietnamese text").
 *
 * - `normalizeText` turns any input into NFC with tidy spaces: users paste from Word, Excel and
 *   old web pages, which often carry decomposed (NFD) letters and non-breaking spaces.
 * - `foldText` is the search form: no case, no diacritics and đ/Đ → d. Unicode does not decompose
 *   đ, so stripping combining marks alone would miss it.
 * - `vietnameseSortKey` gives a string whose plain binary order (JavaScript `<` or SQLite's BINARY
 *   collation, UTF-8 memcmp) is Vietnamese alphabetical order:
 *   a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z),
 *   letters compared first over the whole string, tones second (ngang, huyền, hỏi, ngã, sắc, nặng),
 *   numbers compared by value ("Tổ 2" before "Tổ 10").
 * - `personSortKey` orders people as Vietnamese lists do: given name (last word), then middle
 *   names, then family name.
 */

const COMBINING_MARK = /\p{M}/gu;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;

/** NFC, non-breaking and odd spaces turned into plain spaces, runs collapsed, trimmed. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Multi-line variant: keeps line breaks, tidies spaces inside each line. */
export function normalizeMultiline(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trimEnd())
    .join('\n')
    .trim();
}

/** Folded search form: lowercase, no diacritics, đ → d, single spaces. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/** True when every folded word of `query` occurs in the folded `text` (order free). */
export function matchesFolded(text: string, query: string): boolean {
  const haystack = foldText(text);
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

// Letter order, each entry a base letter after NFD plus the vowel-shaping mark, if any.
const ALPHABET = [
  'a', 'a\u0306', 'a\u0302', 'b', 'c', 'd', 'đ', 'e', 'e\u0302', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
  'm', 'n', 'o', 'o\u0302', 'o\u031b', 'p', 'q', 'r', 's', 't', 'u', 'u\u031b', 'v', 'w', 'x', 'y', 'z',
];
// Primary weights start well above the separators used in the key.
const LETTER_BASE = 0x0100;
const LETTER_WEIGHT = new Map(ALPHABET.map((letter, i) => [letter, String.fromCharCode(LETTER_BASE + i)]));
const SHAPE_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
// Tone order of Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_WEIGHT: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

const KEY_SEPARATOR = '\u0001';
const WORD_GAP = '\u0002';
const DIGIT_BASE = 0x0030; // digits keep their own code points, below every letter weight

interface Segment {
  primary: string;
  tone: number;
}

function segments(value: string): Segment[] {
  const chars = Array.from(normalizeText(value).toLowerCase().normalize('NFD'));
  const out: Segment[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\d/.test(ch)) {
      // A run of digits sorts by numeric value: pad to a fixed width.
      let run = '';
      while (i < chars.length && /\d/.test(chars[i]!)) run += chars[i++];
      const digits = run.replace(/^0+(?=\d)/, '').padStart(12, '0');
      for (const d of digits) out.push({ primary: String.fromCharCode(DIGIT_BASE + Number(d)), tone: 0 });
      continue;
    }
    i++;
    let shape = '';
    let tone = 0;
    while (i < chars.length && /\p{M}/u.test(chars[i]!)) {
      const mark = chars[i++]!;
      if (SHAPE_MARKS.has(mark)) shape = mark;
      else if (TONE_WEIGHT[mark]) tone = TONE_WEIGHT[mark]!;
    }
    if (ch === ' ') {
      out.push({ primary: WORD_GAP, tone: 0 });
      continue;
    }
    const weight = LETTER_WEIGHT.get(ch + shape) ?? LETTER_WEIGHT.get(ch);
    if (weight) {
      out.push({ primary: weight, tone });
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      // Other scripts and letters: after the Vietnamese alphabet, in code point order.
      out.push({ primary: String.fromCodePoint(0x1000 + (ch.codePointAt(0) ?? 0)), tone });
    } else {
      // Punctuation sorts like a word gap so "Bắc Kạn" and "Bắc-Kạn" sit together.
      out.push({ primary: WORD_GAP, tone: 0 });
    }
  }
  return out;
}

/** Binary-comparable Vietnamese sort key. */
export function vietnameseSortKey(value: string): string {
  const segs = segments(value);
  const primary = segs.map((s) => s.primary).join('');
  const tones = segs.map((s) => String.fromCharCode(0x0030 + s.tone)).join('');
  // Tertiary: the NFC text itself, so distinct strings never tie (lowercase/uppercase stable).
  return `${primary}${KEY_SEPARATOR}${tones}${KEY_SEPARATOR}${normalizeText(value)}`;
}

/** Split a full name into family, middle and given parts (Vietnamese order). */
export function splitPersonName(fullName: string): { family: string; middle: string; given: string } {
  const words = normalizeText(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

/** Sort key for people: given name, then middle names, then family name. */
export function personSortKey(fullName: string): string {
  const { family, middle, given } = splitPersonName(fullName);
  return [given, middle, family].map(vietnameseSortKey).join(KEY_SEPARATOR + KEY_SEPARATOR);
}

/** Comparator for in-memory lists. */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function comparePeople(a: string, b: string): number {
  const ka = personSortKey(a);
  const kb = personSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
