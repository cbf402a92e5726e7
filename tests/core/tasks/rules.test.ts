import { describe, expect, it } from 'vitest';
import { computeDue, deadlineFromTiming, shiftTimingYears, subtractWorkingDays, timingLabel, type DueInput } from '../../../electron/core/tasks/rules';

const base: DueInput = {
  status: 'dang_thuc_hien',
  timingKind: 'date',
  timingValue: '2023-03-15',
  deadline: '2023-03-15',
  year: 2023,
  startDate: '2023-01-05',
  updateDates: [],
};

describe('deadlines from timing', () => {
  it('month → last day, quarter → last day of quarter, leap years included', () => {
    expect(deadlineFromTiming({ kind: 'month', value: '2023-06' })).toBe('2023-06-30');
    expect(deadlineFromTiming({ kind: 'month', value: '2024-02' })).toBe('2024-02-29');
    expect(deadlineFromTiming({ kind: 'quarter', value: '2023-Q1' })).toBe('2023-03-31');
    expect(deadlineFromTiming({ kind: 'quarter', value: '2023-Q4' })).toBe('2023-12-31');
    expect(deadlineFromTiming({ kind: 'recurring', value: 'quarter' })).toBeNull();
    expect(deadlineFromTiming({ kind: 'date', value: '2023-05-19' })).toBe('2023-05-19');
  });

  it('labels timings the way plans print them', () => {
    expect(timingLabel('quarter', '2023-Q2', '2023-06-30')).toBe('Quý II/2023');
    expect(timingLabel('month', '2023-06', '2023-06-30')).toBe('Tháng 6/2023');
    expect(timingLabel('date', '2023-03-05', '2023-03-05')).toBe('05/03/2023');
    expect(timingLabel('recurring', 'quarter', null)).toBe('Thường xuyên');
  });

  it('shifts a timing to the next year (29/02 becomes 28/02)', () => {
    expect(shiftTimingYears({ kind: 'date', value: '2024-02-29' }, 1)).toEqual({ kind: 'date', value: '2025-02-28' });
    expect(shiftTimingYears({ kind: 'quarter', value: '2022-Q3' }, 1)).toEqual({ kind: 'quarter', value: '2023-Q3' });
  });

  it('counts working days back over a weekend', () => {
    // Monday 13/03/2023 minus 5 working days → Monday 06/03/2023
    expect(subtractWorkingDays('2023-03-13', 5)).toBe('2023-03-06');
    expect(subtractWorkingDays('2023-03-13', 1)).toBe('2023-03-10');
  });
});

describe('overdue and due soon (dated tasks)', () => {
  it('is overdue the day after the deadline, due soon within 7 days, on track before', () => {
    expect(computeDue(base, '2023-03-16')).toEqual({ state: 'overdue', dueDate: '2023-03-15', daysLeft: -1 });
    expect(computeDue(base, '2023-03-15').state).toBe('dueSoon');
    expect(computeDue(base, '2023-03-08').state).toBe('dueSoon');
    expect(computeDue(base, '2023-03-07').state).toBe('onTrack');
    expect(computeDue(base, '2023-03-07', 10).state).toBe('dueSoon');
  });

  it('is never overdue once done or while paused', () => {
    expect(computeDue({ ...base, status: 'hoan_thanh' }, '2024-01-01').state).toBe('done');
    expect(computeDue({ ...base, status: 'tam_dung' }, '2024-01-01').state).toBe('paused');
  });

  it('has no due state without a deadline', () => {
    expect(computeDue({ ...base, timingKind: 'none', timingValue: null, deadline: null }, '2023-03-16').state).toBe('noDeadline');
  });
});

describe('recurring ("thường xuyên") tasks: per-quarter checkpoints', () => {
  const recurring: DueInput = { ...base, timingKind: 'recurring', timingValue: 'quarter', deadline: null };

  it('is on track early in the first quarter, due soon near its end without an update', () => {
    expect(computeDue(recurring, '2023-02-10')).toMatchObject({ state: 'onTrack', dueDate: '2023-03-31' });
    expect(computeDue(recurring, '2023-03-25')).toMatchObject({ state: 'dueSoon', dueDate: '2023-03-31', daysLeft: 6 });
  });

  it('an update inside the quarter clears the checkpoint', () => {
    expect(computeDue({ ...recurring, updateDates: ['2023-03-20'] }, '2023-03-25').state).toBe('onTrack');
    expect(computeDue({ ...recurring, updateDates: ['2023-03-20'] }, '2023-04-10')).toMatchObject({ state: 'onTrack', dueDate: '2023-06-30' });
  });

  it('is overdue after a quarter ends with no update in it', () => {
    expect(computeDue(recurring, '2023-04-01')).toEqual({ state: 'overdue', dueDate: '2023-03-31', daysLeft: -1 });
    // An update dated in Q4 2022 does not count for Q1 2023.
    expect(computeDue({ ...recurring, updateDates: ['2022-12-30'] }, '2023-04-03').state).toBe('overdue');
  });

  it('ignores quarters before the task started', () => {
    const late = { ...recurring, startDate: '2023-05-02' };
    expect(computeDue(late, '2023-05-10')).toMatchObject({ state: 'onTrack', dueDate: '2023-06-30' });
  });

  it('monthly cadence checks every month', () => {
    const monthly = { ...recurring, timingValue: 'month' };
    expect(computeDue({ ...monthly, updateDates: ['2023-01-20'] }, '2023-02-01').state).toBe('onTrack');
    expect(computeDue({ ...monthly, updateDates: ['2023-01-20'] }, '2023-03-01')).toMatchObject({ state: 'overdue', dueDate: '2023-02-28' });
  });

  it('after the year ends only the last quarter counts', () => {
    expect(computeDue({ ...recurring, updateDates: ['2023-11-30'] }, '2024-02-01')).toMatchObject({ state: 'onTrack', dueDate: null });
    expect(computeDue({ ...recurring, updateDates: ['2023-08-30'] }, '2024-02-01')).toMatchObject({ state: 'overdue', dueDate: '2023-12-31' });
  });
});
