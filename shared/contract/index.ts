import { z } from 'zod';
import '../schemas/zodLocale';
import { settingsChannels } from '../schemas/settings';
import { systemChannels } from '../schemas/system';
import { unitsChannels } from '../schemas/units';
import { membersChannels } from '../schemas/members';
import { assignmentsChannels } from '../schemas/assignments';
import { catalogsChannels } from '../schemas/catalogs';
import { docNumbersChannels } from '../schemas/docNumbers';
import { modelsChannels } from '../schemas/models';
import { meetingsChannels } from '../schemas/meetings';
import { plansChannels } from '../schemas/plans';
import { tasksChannels } from '../schemas/tasks';
import { inspectionsChannels } from '../schemas/inspections';
import { unitReportsChannels } from '../schemas/unitReports';
import { calendarChannels } from '../schemas/calendar';
import { holidaysChannels } from '../schemas/holidays';
import { integrityChannels } from '../schemas/integrity';
import { backupChannels } from '../schemas/backup';
import { trashChannels } from '../schemas/trash';
import { auditChannels } from '../schemas/audit';
import { dataDirChannels } from '../schemas/dataDir';
import { usersChannels } from '../schemas/users';
import { overviewChannels } from '../schemas/overview';
import { reportsChannels } from '../schemas/reports';
import { qcdcChannels } from '../schemas/qcdc';
import { dialoguesChannels } from '../schemas/dialogues';
import { supervisionsChannels } from '../schemas/supervisions';
import { trainingsChannels } from '../schemas/trainings';
import { jobProgressSchema } from './envelope';

// Zod's own messages (wrong type, missing field…) in Vietnamese for anything a schema does not
// word itself: configured once in shared/schemas/zodLocale.ts (imported first, for its effect).

/**
 * The single contract between renderer and main process: channel → { input, output }.
 * Add a feature by spreading its channel map here. Channel names are a public automation API:
 * never rename one; add fields instead.
 */
export const contract = {
  ...systemChannels,
  ...settingsChannels,
  ...unitsChannels,
  ...membersChannels,
  ...assignmentsChannels,
  ...catalogsChannels,
  ...docNumbersChannels,
  ...modelsChannels,
  ...meetingsChannels,
  ...plansChannels,
  ...tasksChannels,
  ...inspectionsChannels,
  ...unitReportsChannels,
  ...calendarChannels,
  ...holidaysChannels,
  ...integrityChannels,
  ...backupChannels,
  ...trashChannels,
  ...auditChannels,
  ...dataDirChannels,
  ...usersChannels,
  ...overviewChannels,
  ...reportsChannels,
  ...qcdcChannels,
  ...dialoguesChannels,
  ...supervisionsChannels,
  ...trainingsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation and normalisation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract).sort() as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from main to renderer. */
export const events = {
  'job.progress': jobProgressSchema,
  /** A notification for the user (due tasks at start-up…); the desktop app also shows it in the OS. */
  'app.notify': z.object({ title: z.string(), body: z.string() }),
  /** The start-up check finished after the window opened and found damage: ask `integrity.status` again. */
  'integrity.changed': z.object({ ok: z.boolean() }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export * from './envelope';
export * from './bytes';
export { channel } from './define';
