/**
 * Legacy Vietnamese encodings still found in files from district and commune offices.
 *
 * Text typed with the old ".VnTime" (TCVN3 / ABC) or "VNI-Times" (VNI) fonts is stored as
 * single-byte codes; Excel shows it as Unicode Latin-1 characters ("Céng hoµ x· héi", "Coäng
 * hoøa xaõ hoäi"). We detect which encoding a workbook uses from characteristic characters and
 * convert to NFC Unicode.
 *
 * - TCVN3: every Vietnamese letter is one byte; bytes 0xA1–0xBF (µ ¸ ¶ · ¹ ¨ © ª « ¬ ­ ® §…) are
 *   the giveaway, since Vietnamese Unicode never uses them. Capital toned letters do not exist in
 *   TCVN3 (".VnTimeH" draws lowercase codes as capitals), so such text converts to lowercase.
 * - VNI: a base letter followed by a mark character ("a" + "ù" = á, "o" + "ä" = ộ, "ñ" = đ).
 */
import { normalizeText } from '../../../../shared/text/vietnamese';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

// TCVN3 (TCVN 5712:1993, VN3) code → Unicode. Keys are the Latin-1 characters Excel shows.
const TCVN3_PAIRS: [number, string][] = [
  [0xb5, 'à'], [0xb8, 'á'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb9, 'ạ'],
  [0xa8, 'ă'], [0xbb, 'ằ'], [0xbe, 'ắ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xc6, 'ặ'],
  [0xa9, 'â'], [0xc7, 'ầ'], [0xca, 'ấ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xcb, 'ậ'],
  [0xae, 'đ'],
  [0xcc, 'è'], [0xd0, 'é'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd1, 'ẹ'],
  [0xaa, 'ê'], [0xd2, 'ề'], [0xd5, 'ế'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xdd, 'í'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe3, 'ó'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe4, 'ọ'],
  [0xab, 'ô'], [0xe5, 'ồ'], [0xe8, 'ố'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe9, 'ộ'],
  [0xac, 'ơ'], [0xea, 'ờ'], [0xed, 'ớ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf3, 'ú'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf4, 'ụ'],
  [0xad, 'ư'], [0xf5, 'ừ'], [0xf8, 'ứ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfd, 'ý'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfe, 'ỵ'],
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa7, 'Đ'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'],
];
const TCVN3 = new Map(TCVN3_PAIRS.map(([code, ch]) => [String.fromCharCode(code), ch]));
/** Characters Vietnamese Unicode text never contains but TCVN3 text is full of. */
const TCVN3_MARKERS = /[\u00c6\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]/g;
/** 0xA1–0xBE: the TCVN3 codes of ă â ê ô ơ ư đ and à á ả ã ạ…, almost never seen in VNI text. */
const TCVN3_STRONG = /[\u00a1-\u00be]/g;
/** Letters only Vietnamese Unicode has: ă â đ ơ ư and the precomposed toned vowels. */
const UNICODE_VIETNAMESE = /[ăĂđĐơƠưƯ\u1ea0-\u1ef9]/;

// VNI-Windows: standalone letters, and marks that follow a vowel.
const VNI_LETTERS: Record<string, string> = {
  'ñ': 'đ', 'Ñ': 'Đ', 'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư',
  'ò': 'ị', 'Ò': 'Ị', 'æ': 'ỉ', 'Æ': 'Ỉ', 'ó': 'ĩ', 'Ó': 'Ĩ', 'î': 'ỵ', 'Î': 'Ỵ',
};
const TONE: Record<string, string> = { 'ù': '\u0301', 'ø': '\u0300', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323' };
const CIRCUMFLEX: Record<string, string> = { 'â': '', 'á': '\u0301', 'à': '\u0300', 'å': '\u0309', 'ã': '\u0303', 'ä': '\u0323' };
const BREVE: Record<string, string> = { 'ê': '', 'é': '\u0301', 'è': '\u0300', 'ú': '\u0309', 'ü': '\u0303', 'ë': '\u0323' };
const VOWELS = new Set([...'aeiouyAEIOUY', 'ơ', 'Ơ', 'ư', 'Ư', 'ô', 'Ô']);
const VNI_MARKERS = /[aeiouyAEIOUYôöÔÖ][ùøûõïÙØÛÕÏ]|[aA][êéèúüëÊÉÈÚÜË]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[ñÑ]/g;

export function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return out.normalize('NFC');
}

export function convertVni(text: string): string {
  const chars = [...text];
  let out = '';
  let prevBase = ''; // the last letter written, before its marks
  for (const ch of chars) {
    const lower = ch.toLowerCase();
    if (prevBase && /[aA]/.test(prevBase) && lower in BREVE) {
      out += `\u0306${BREVE[lower]}`;
      prevBase = '';
      continue;
    }
    if (prevBase && /[aeoAEO]/.test(prevBase) && lower in CIRCUMFLEX) {
      out += `\u0302${CIRCUMFLEX[lower]}`;
      prevBase = '';
      continue;
    }
    if (prevBase && VOWELS.has(prevBase) && lower in TONE) {
      out += TONE[lower];
      prevBase = '';
      continue;
    }
    const letter = VNI_LETTERS[ch];
    if (letter) {
      out += letter;
      prevBase = letter;
      continue;
    }
    out += ch;
    prevBase = /\p{L}/u.test(ch) ? ch : '';
  }
  return out.normalize('NFC');
}

/** Evidence of each encoding in one string. */
export function encodingScores(text: string): { tcvn3: number; vni: number; unicode: number } {
  const unicode = UNICODE_VIETNAMESE.test(text) ? 1 : 0;
  if (unicode) return { tcvn3: 0, vni: 0, unicode };
  // Latin-1 letters such as ä ï ñ ö occur in both legacy encodings; weigh the decisive evidence double.
  const tcvn3 = 2 * (text.match(TCVN3_STRONG) ?? []).length + (text.match(TCVN3_MARKERS) ?? []).length;
  const vni = 2 * (text.match(VNI_MARKERS) ?? []).length;
  return { tcvn3, vni, unicode };
}

/**
 * The encoding of a set of strings (a workbook's cells): legacy only when strings with legacy
 * evidence clearly outnumber strings with Vietnamese Unicode letters.
 */
export function detectEncoding(texts: Iterable<string>): TextEncoding {
  let tcvn3 = 0;
  let vni = 0;
  let unicode = 0;
  for (const t of texts) {
    if (!t || /^[\x00-\x7f]*$/.test(t)) continue;
    const s = encodingScores(t);
    if (s.unicode) unicode += 1;
    else if (s.tcvn3 > s.vni) tcvn3 += 1;
    else if (s.vni > 0) vni += 1;
  }
  const legacy = Math.max(tcvn3, vni);
  if (legacy === 0 || legacy <= unicode) return 'unicode';
  return tcvn3 >= vni ? 'tcvn3' : 'vni';
}

/** Converts one string from the given encoding (unchanged for 'unicode' and for pure ASCII). */
export function toUnicode(text: string, encoding: TextEncoding): string {
  if (encoding === 'unicode' || /^[\x00-\x7f]*$/.test(text)) return text;
  // A cell already in Unicode inside a legacy workbook stays as it is.
  if (UNICODE_VIETNAMESE.test(text)) return text;
  return encoding === 'tcvn3' ? convertTcvn3(text) : convertVni(text);
}

/** Converted and tidied (NFC, single spaces). */
export function legacyToCleanText(text: string, encoding: TextEncoding): string {
  return normalizeText(toUnicode(text, encoding));
}
