/**
 * Vietnamese text rules shared by every layer (docs/domain.md, "Vietnamese text").
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
  return isTidyLatin(value) ? value : value.normalize('NFC').replace(SPACES, ' ').trim();
}

/**
 * True when `value` is already what normalizeText makes of it, for the common case (an import
 * tidies every cell of a 10,000-row file): only printable ASCII, Latin-1 to Latin Extended-B and
 * Latin Extended Additional (precomposed Vietnamese letters) — all unchanged by NFC and never
 * composing with a neighbour — and single inner spaces. Anything else takes the full rule.
 */
function isTidyLatin(value: string): boolean {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20) {
      if (i === 0 || i === last || value.charCodeAt(i - 1) === 0x20) return false;
    } else if (!((code > 0x20 && code < 0x7f) || (code > 0xa0 && code < 0x300) || (code >= 0x1e00 && code < 0x1f00))) {
      return false;
    }
  }
  return true;
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
  // Fast path (imports fold every cell of 10,000-row files): one pass over the UTF-16 units with
  // the folded form of every Latin letter precomputed by the general rule below, written into a
  // reusable buffer and made a flat string once (appending letter by letter builds a rope that
  // costs more later, when the string is hashed or bound to SQL). Any character outside the table
  // (other scripts, surrogate pairs) or a very long text takes the general rule.
  if (value.length > TEXT_BUFFER_SIZE) return foldTextGeneral(value);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const folded = code < FOLD_TABLE_SIZE ? FOLD_TABLE[code]! : FOLD_UNKNOWN;
    if (folded >= 0) {
      if (pendingSpace) {
        TEXT_BUFFER[n++] = 0x20;
        pendingSpace = false;
      }
      TEXT_BUFFER[n++] = folded;
    } else if (folded === FOLD_SPACE) {
      pendingSpace = n > 0;
    } else if (folded === FOLD_UNKNOWN) {
      return foldTextGeneral(value);
    } // FOLD_DROP: a combining mark
  }
  return bufferText(TEXT_BUFFER, n);
}

const TEXT_BUFFER_SIZE = 8192;
const TEXT_BUFFER = new Uint16Array(TEXT_BUFFER_SIZE);
const TONE_BUFFER = new Uint16Array(TEXT_BUFFER_SIZE);

/** The first `n` UTF-16 units of `buffer` as one flat string. */
function bufferText(buffer: Uint16Array, n: number): string {
  let out = '';
  // fromCharCode takes its units as arguments: in slices, well under any engine's argument limit.
  for (let start = 0; start < n; start += 2048) {
    out += String.fromCharCode.apply(null, buffer.subarray(start, Math.min(n, start + 2048)) as unknown as number[]);
  }
  return out;
}

/** The rule itself: NFD, combining marks dropped, đ → d, lowercase, spaces collapsed. */
function foldTextGeneral(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/*
 * Folded form of each UTF-16 unit below U+2000 plus Latin Extended Additional (U+1E00–U+1EFF, where
 * Vietnamese precomposed letters live): the folded unit, FOLD_SPACE for spaces, FOLD_DROP for
 * combining marks, FOLD_UNKNOWN where the character does not fold to one unit by itself (the
 * general rule then runs on the whole string).
 */
const FOLD_TABLE_SIZE = 0x1f00;
const FOLD_UNKNOWN = -1;
const FOLD_SPACE = -2;
const FOLD_DROP = -3;
const FOLD_TABLE: Int32Array = (() => {
  const table = new Int32Array(FOLD_TABLE_SIZE).fill(FOLD_UNKNOWN);
  const take = (code: number): void => {
    const ch = String.fromCharCode(code);
    SPACES.lastIndex = 0;
    if (SPACES.test(ch)) {
      table[code] = FOLD_SPACE;
    } else if (/\p{M}/u.test(ch)) {
      table[code] = FOLD_DROP;
    } else if (code < 0x80 || /[\p{Script=Latin}\p{N}\p{P}\p{S}]/u.test(ch)) {
      // Letters of other scripts stay unknown: their case rules can depend on the neighbours.
      const folded = foldTextGeneral(ch);
      if (folded.length === 1 && folded !== ' ') table[code] = folded.charCodeAt(0);
    }
  };
  for (let code = 0; code < 0x2000; code++) take(code);
  for (let code = 0x1e00; code < FOLD_TABLE_SIZE; code++) take(code);
  return table;
})();

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

const MARK_RANGE_START = 0x0300;
const MARK_RANGE_END = 0x036f;

/** The combining mark starting at `i`, if one does (most are U+0300–U+036F: no regex for them). */
function markAt(chars: string, i: number): string | null {
  const code = chars.codePointAt(i)!;
  if (code >= MARK_RANGE_START && code <= MARK_RANGE_END) return chars[i]!;
  if (code < MARK_RANGE_END) return null;
  const ch = String.fromCodePoint(code);
  return /\p{M}/u.test(ch) ? ch : null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The ASCII digit run starting at `start`, as sort digits: numeric value, padded to 12 ("Tổ 2" before "Tổ 10"). */
function digitRun(chars: string, start: number): { digits: string; end: number } {
  let end = start;
  while (end < chars.length && isDigit(chars.charCodeAt(end))) end++;
  return { digits: chars.slice(start, end).replace(/^0+(?=\d)/, '').padStart(12, '0'), end };
}

/** Binary-comparable Vietnamese sort key. */
export function vietnameseSortKey(value: string): string {
  const text = normalizeText(value);
  // Fast path: letter and tone weights of each precomposed lowercase letter come from a table
  // built by the general rule; digit runs are padded here. Any other character (a combining mark
  // left after NFC, another script) sends the whole text to the general rule.
  const chars = text.toLowerCase();
  // Digits are padded to 12: the key is at most 12 times the text.
  if (chars.length * 12 > TEXT_BUFFER_SIZE) return sortKeyGeneral(text);
  let n = 0;
  let i = 0;
  while (i < chars.length) {
    const code = chars.charCodeAt(i);
    if (isDigit(code)) {
      const run = digitRun(chars, i);
      for (let d = 0; d < run.digits.length; d++) {
        TEXT_BUFFER[n] = DIGIT_BASE + run.digits.charCodeAt(d) - 0x30;
        TONE_BUFFER[n++] = 0x30;
      }
      i = run.end;
      continue;
    }
    const weight = code < SORT_TABLE_SIZE ? SORT_PRIMARY[code]! : 0;
    if (weight === 0) return sortKeyGeneral(text);
    TEXT_BUFFER[n] = weight;
    TONE_BUFFER[n++] = SORT_TONE[code]!;
    i++;
  }
  return `${bufferText(TEXT_BUFFER, n)}${KEY_SEPARATOR}${bufferText(TONE_BUFFER, n)}${KEY_SEPARATOR}${text}`;
}

/** The sort key rule over the NFD form (any text; the fast path below covers the usual letters). */
function sortKeyGeneral(text: string): string {
  // One pass over the NFD form, building the letter weights and the tone weights side by side
  // (registers sort and re-key tens of thousands of names: no per-letter objects or regexes).
  const chars = text.toLowerCase().normalize('NFD');
  let primary = '';
  let tones = '';
  let i = 0;
  while (i < chars.length) {
    let code = chars.charCodeAt(i);
    if (isDigit(code)) {
      const run = digitRun(chars, i);
      for (let d = 0; d < run.digits.length; d++) {
        primary += String.fromCharCode(DIGIT_BASE + run.digits.charCodeAt(d) - 0x30);
        tones += '0';
      }
      i = run.end;
      continue;
    }
    // One code point (a surrogate pair counts as one), then the marks that follow it.
    code = chars.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    i += ch.length;
    let shape = '';
    let tone = 0;
    for (let mark = i < chars.length ? markAt(chars, i) : null; mark !== null; mark = i < chars.length ? markAt(chars, i) : null) {
      i += mark.length;
      if (SHAPE_MARKS.has(mark)) shape = mark;
      else if (TONE_WEIGHT[mark]) tone = TONE_WEIGHT[mark]!;
    }
    if (ch === ' ') {
      primary += WORD_GAP;
      tones += '0';
      continue;
    }
    const weight = (shape ? LETTER_WEIGHT.get(ch + shape) : undefined) ?? LETTER_WEIGHT.get(ch);
    if (weight) {
      primary += weight;
      tones += String.fromCharCode(0x0030 + tone);
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      // Other scripts and letters: after the Vietnamese alphabet, in code point order.
      primary += String.fromCodePoint(0x1000 + code);
      tones += String.fromCharCode(0x0030 + tone);
    } else {
      // Punctuation sorts like a word gap so "Bắc Kạn" and "Bắc-Kạn" sit together.
      primary += WORD_GAP;
      tones += '0';
    }
  }
  // Tertiary: the NFC text itself, so distinct strings never tie (lowercase/uppercase stable).
  return `${primary}${KEY_SEPARATOR}${tones}${KEY_SEPARATOR}${text}`;
}


// Letter and tone weight (UTF-16 units; 0 = not in the table) of every character below U+1F00 whose
// key is one letter (see vietnameseSortKey).
const SORT_TABLE_SIZE = 0x1f00;
const SORT_PRIMARY = new Uint16Array(SORT_TABLE_SIZE);
const SORT_TONE = new Uint16Array(SORT_TABLE_SIZE);
for (let code = 0; code < SORT_TABLE_SIZE; code++) {
  if (isDigit(code)) continue; // digit runs are handled in place
  const ch = String.fromCharCode(code);
  if (code === 0x20) {
    SORT_PRIMARY[code] = WORD_GAP.charCodeAt(0);
    SORT_TONE[code] = 0x30;
    continue;
  }
  // Only characters that stay one character after lowercasing and NFC and give one weight each;
  // never a combining mark (it belongs to the letter before it: the general rule handles it).
  if (ch.toLowerCase() !== ch || ch.normalize('NFC') !== ch || /[\s\p{M}]/u.test(ch)) continue;
  const [primary, tones] = sortKeyGeneral(ch).split(KEY_SEPARATOR);
  if (primary?.length === 1 && tones?.length === 1) {
    SORT_PRIMARY[code] = primary.charCodeAt(0);
    SORT_TONE[code] = tones.charCodeAt(0);
  }
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
