import type { HandlerMap } from '../../handler';
import { dataDirInfo, moveDataDir, openDataDir } from './service';
import { duringMaintenance } from '../maintenance';

export const dataDirHandlers = {
  'dataDir.info': (_input, ctx) => dataDirInfo(ctx),
  'dataDir.open': (_input, ctx) => openDataDir(ctx),
  'dataDir.move': (input, ctx) =>
    duringMaintenance(ctx, 'chuyển thư mục dữ liệu', () => ctx.jobs.run(input.jobId, (job) => moveDataDir(ctx, job))),
} satisfies Partial<HandlerMap>;
