import type { Channel } from '../../../../shared/contract';

/** Reads that a QCDC figure write (grid save, import, undo) can change, refreshed after each. */
export const QCDC_READS: Channel[] = ['qcdc.stats', 'qcdc.reports.get', 'qcdc.drill', 'qcdc.indicators.list', 'overview.get', 'unitReports.matrix', 'unitReports.periods'];
