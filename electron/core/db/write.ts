import type { AppContext } from '../context';
import type { Kysely } from 'kysely';
import type { Db } from './audit';
import type { Database } from './schema';
import { foldText } from '../../../shared/text/vietnamese';

/** Rules shared by the organisation services. */

/** Folded words of a search query (empty = no filter). */
export function queryWords(search: string | undefined | null): string[] {
  return search ? foldText(search).split(' ').filter(Boolean) : [];
}

/** True when every folded query word occurs in an already folded text. */
export function matchesWords(foldedText: string, words: string[]): boolean {
  return words.every((w) => foldedText.includes(w));
}

/** A row is valid on `date` when its (optional) period covers it. ISO dates compare as strings. */
export function validOn(from: string | null, to: string | null, date: string): boolean {
  return (!from || from <= date) && (!to || to >= date);
}

/** `undefined` leaves a field unchanged in a patch; `null`/'' clears it. */
export function nullable<T>(value: T | null | undefined): T | null {
  return value === undefined || value === '' ? null : value;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one — so services can
 * be composed (an import creating units and assignments in one transaction).
 */
export async function withTrx<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return (db as Kysely<Database>).transaction().execute((trx) => work(trx));
}

/** What a write service needs; `db` may be the caller's transaction. */
export type WriteCtx = { db: Db } & Pick<AppContext, 'actor' | 'clock'>;
