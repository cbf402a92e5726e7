import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

export interface MembersTable extends Timestamps {
  id: string;
  full_name: string;
  /** truong_ban | pho_truong_ban_tt | pho_truong_ban | uy_vien | to_giup_viec */
  role: string;
  position: string | null;
  agency: string | null;
  phone: string | null;
  email: string | null;
  term_from: string | null;
  term_to: string | null;
  sort_order: Generated<number>;
  search_text: string;
  sort_key: string;
}

export interface MemberTables {
  members: MembersTable;
}
