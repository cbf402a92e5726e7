import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

/**
 * Channel and event names are baked in at build time from shared/contract (electron.vite.config.ts
 * `define`), so this sandboxed CommonJS preload needs neither zod nor the schemas, and the list can
 * never drift from the contract.
 */
declare const __QCDC_CHANNELS__: readonly string[];
declare const __QCDC_EVENTS__: readonly string[];

contextBridge.exposeInMainWorld('qcdc', createBridge(ipcRenderer, __QCDC_CHANNELS__, __QCDC_EVENTS__));
