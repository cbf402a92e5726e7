import { DEFAULT_PROFILE, profileSchema, type Profile, type SettingsState } from '../../../shared/schemas/settings';
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { isoNow } from '../clock';
import { readSetting, writeSetting } from './repository';

const PROFILE_KEY = 'profile';

/** The saved profile, or the defaults while the first-run setup has not been done. */
export async function getSettings(ctx: Pick<AppContext, 'db'>): Promise<SettingsState> {
  const row = await readSetting(ctx.db, PROFILE_KEY);
  if (!row) return { profile: DEFAULT_PROFILE, configured: false, updatedAt: null };
  // Stored JSON is re-validated: a profile saved by an older version gains new fields' defaults.
  const parsed = profileSchema.safeParse({ ...DEFAULT_PROFILE, ...(JSON.parse(row.value) as object) });
  return {
    profile: parsed.success ? parsed.data : DEFAULT_PROFILE,
    configured: true,
    updatedAt: row.updatedAt,
  };
}

export async function getProfile(ctx: Pick<AppContext, 'db'>): Promise<Profile> {
  return (await getSettings(ctx)).profile;
}

export async function updateProfile(ctx: AppContext, profile: Profile): Promise<SettingsState> {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readSetting(trx, PROFILE_KEY);
    await writeSetting(trx, PROFILE_KEY, JSON.stringify(profile), at);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'settings',
      entityId: PROFILE_KEY,
      action: before ? 'update' : 'create',
      before: before ? (JSON.parse(before.value) as unknown) : undefined,
      after: profile,
    });
  });
  return getSettings(ctx);
}
