// Placeholder: the Electron main process is built in electron/main (see README).
export {};
