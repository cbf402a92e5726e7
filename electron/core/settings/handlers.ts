import type { HandlerMap } from '../handler';
import { getSettings, updateProfile } from './service';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateProfile(ctx, input.profile),
} satisfies Partial<HandlerMap>;
