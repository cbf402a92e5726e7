import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { installBridge, renderWithApp } from '../../../../tests/renderer/render';
import type { Task } from '../../../../shared/schemas/tasks';
import { TodayView } from './TodayView';

function task(over: Partial<Task>): Task {
  return {
    id: over.id ?? 't1',
    title: 'Nhiệm vụ',
    description: null,
    sourceType: 'plan',
    sourceId: 'p1',
    sourceRef: null,
    sourceLabel: 'Kế hoạch số 01-KH/BCĐ',
    leadUnit: null,
    leadMember: null,
    leadText: null,
    ownerLabel: 'Ủy ban MTTQ tỉnh',
    coordinatingUnits: [],
    timing: { kind: 'quarter', value: '2023-Q1' },
    timingLabel: 'Quý I/2023',
    deadline: '2023-03-31',
    status: 'dang_thuc_hien',
    progress: 60,
    completedAt: null,
    year: 2023,
    dueState: 'overdue',
    dueDate: '2023-03-31',
    daysLeft: -86,
    lastUpdateDate: '2023-03-10',
    createdAt: '2022-12-20T02:00:00.000Z',
    updatedAt: '2023-03-10T02:00:00.000Z',
    ...over,
  };
}

describe('Cần đôn đốc (daily urging view)', () => {
  it('shows counts, the overdue and due-soon tasks with their Vietnamese states', async () => {
    const bridge = installBridge({
      'tasks.list': () => ({
        today: '2023-06-25',
        total: 2,
        items: [
          task({ id: 'a', title: 'Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở' }),
          task({ id: 'b', title: 'Tổ chức hội nghị đối thoại', dueState: 'dueSoon', daysLeft: 5, dueDate: '2023-06-30', timingLabel: 'Quý II/2023', progress: 0, status: 'chua_thuc_hien' }),
        ],
      }),
    });
    renderWithApp(<TodayView onOpenTask={() => undefined} />);
    await screen.findByText('Quá hạn 86 ngày');
    const table = screen.getByRole('table', { name: 'Danh sách nhiệm vụ' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Quá hạn 86 ngày')).toBeTruthy();
    expect(within(rows[1]!).getByText('Đang thực hiện')).toBeTruthy();
    expect(within(rows[2]!).getByText('Còn 5 ngày')).toBeTruthy();
    expect(screen.getByText('Tính đến ngày 25/06/2023.')).toBeTruthy();
    expect(bridge.calls[0]).toEqual({ channel: 'tasks.list', input: { overdue: true, dueWithinDays: 7 } });
  });

  it('says so when nothing is late', async () => {
    installBridge({ 'tasks.list': () => ({ today: '2023-01-05', total: 0, items: [] }) });
    renderWithApp(<TodayView onOpenTask={() => undefined} />);
    expect(await screen.findByText('Không có nhiệm vụ quá hạn hoặc sắp đến hạn')).toBeTruthy();
  });
});
