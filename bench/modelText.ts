import { foldText, vietnameseSortKey } from '../shared/text/vietnamese';
import { searchTextOf } from '../electron/core/models/service';

/**
 * The generated register's per-model text — sort key, folded name, search text — built from
 * cached pieces of the name (bench/names.ts: a head repeating over 3,200 combinations, then
 * " (mô hình số", " N", ")"). The shared sort key (letters, then tones, then the text) and the
 * folded form are both per character (a digit run is one unit: it stays within one piece), so the
 * key of the whole name is the pieces' letter and tone parts side by side. At 1M records
 * `vietnameseSortKey` alone took ~47 µs a name (~26 s of CPU); this takes a fraction. It must
 * never differ from the shared functions: the first 200 names and every 97th after are checked
 * against them and a difference stops the generator (shared/text changed: fix the composition).
 */
const SEP = '\u0001';

interface Parts {
  primary: string;
  tones: string;
  folded: string;
}

export class ModelText {
  private readonly pieces = new Map<string, Parts>();
  private readonly folded = new Map<string, string>();
  private count = 0;

  /**
   * Letter and tone parts and folded form of one piece. A piece is keyed behind a leading "a" and
   * the "a" cut off again: key and fold functions trim, and most pieces start with a space.
   */
  private piece(piece: string): Parts {
    let p = this.pieces.get(piece);
    if (!p) {
      const [primary, tones] = vietnameseSortKey(`a${piece}`).split(SEP);
      p = { primary: primary!.slice(1), tones: tones!.slice(1), folded: foldText(`a${piece}`).slice(1) };
      // Numbers are unique per model: caching them would only grow the map.
      if (!/\d/.test(piece)) this.pieces.set(piece, p);
    }
    return p;
  }

  private fold(text: string): string {
    let f = this.folded.get(text);
    if (f === undefined) {
      f = foldText(text);
      this.folded.set(text, f);
    }
    return f;
  }

  of(pieces: string[], performer: string | null, unitName: string): { name: string; sortKey: string; nameFolded: string; search: string } {
    let primary = '';
    let tones = '';
    let nameFolded = '';
    for (const piece of pieces) {
      const p = this.piece(piece);
      primary += p.primary;
      tones += p.tones;
      nameFolded += p.folded;
    }
    const name = pieces.join('');
    const sortKey = `${primary}${SEP}${tones}${SEP}${name}`;
    const search = performer ? `${nameFolded} ${this.fold(performer)} ${this.fold(unitName)}` : `${nameFolded} ${this.fold(unitName)}`;
    const n = this.count++;
    if (n < 200 || n % 97 === 0) {
      const expected = { sortKey: vietnameseSortKey(name), nameFolded: foldText(name), search: searchTextOf(name, performer, unitName) };
      if (expected.sortKey !== sortKey || expected.nameFolded !== nameFolded || expected.search !== search) {
        throw new Error(`bench text composition differs from shared/text for "${name}": ${JSON.stringify({ expected, got: { sortKey, nameFolded, search } })}`);
      }
    }
    return { name, sortKey, nameFolded, search };
  }
}
