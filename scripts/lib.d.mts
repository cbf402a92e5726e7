// Types of scripts/lib.mjs for the TypeScript tests that use it.
export declare const ROOT: string;
export declare function electronVersion(): string | null;
export declare function electronBinary(): string | null;
export declare function run(command: string, args: string[], options?: Record<string, unknown>): Promise<number>;
export declare function runBin(pkg: string, binName: string, args: string[], options?: Record<string, unknown>): Promise<number>;
export declare function buildApp(): Promise<void>;
