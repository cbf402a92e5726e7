// Types of scripts/check-system.mjs for the TypeScript tests that use it.
export interface Requirement {
  pkg: string;
  what: string;
  kind: 'chromium' | 'programs' | 'font';
  programs?: string[];
  file?: string;
}
export declare const REQUIREMENTS: Requirement[];
export declare function which(name: string, env?: NodeJS.ProcessEnv): string | null;
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function checkSystem(env?: NodeJS.ProcessEnv): { missing: string[]; chromium: string | null };
export declare function missingLine(missing: string[]): string;
export declare function canInstall(env?: NodeJS.ProcessEnv): boolean;
export declare function ensureSystem(
  env?: NodeJS.ProcessEnv,
  log?: (text: string) => void,
): { ok: true; chromium: string } | { ok: false; line: string };
