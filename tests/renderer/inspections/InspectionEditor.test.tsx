import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installBridge, renderWithApp } from '../render';
import { InspectionEditor } from '../../../renderer/src/features/inspections/InspectionEditor';

const UNIT_ID = '11111111-1111-4111-8111-111111111111';

function setup() {
  const saved: unknown[] = [];
  const bridge = installBridge({
    'units.list': () => ({ items: [{ id: UNIT_ID, name: 'Đảng bộ huyện Chợ Mới', depth: 0 }], total: 1 }),
    'members.list': () => ({ items: [], total: 0 }),
    'inspections.create': (input) => {
      saved.push(input);
      return { id: 'new-inspection' };
    },
  });
  let savedId: string | null = null;
  renderWithApp(<InspectionEditor opened inspection={null} today="2023-03-01" onClose={() => undefined} onSaved={(id) => (savedId = id)} />);
  return { bridge, saved, savedId: () => savedId, user: userEvent.setup({ delay: null }) };
}

/** The text input with this accessible name (Mantine's listboxes may share a label). */
async function field(name: string | RegExp): Promise<HTMLInputElement | HTMLTextAreaElement> {
  const found = (await screen.findAllByLabelText(name)).find((el): el is HTMLInputElement | HTMLTextAreaElement => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement);
  if (!found) throw new Error(`no field ${String(name)}`);
  return found;
}

describe('InspectionEditor (a form on @mantine/form with the channel’s zod schema)', () => {
  it('shows the schema’s Vietnamese message under the field before any request is made', async () => {
    const { bridge, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Chuyên đề không được để trống.')).toBeTruthy();
    expect((await field(/^Chuyên đề/)).getAttribute('aria-invalid')).toBe('true');
    expect(bridge.calls.map((c) => c.channel)).not.toContain('inspections.create');
  });

  it('puts a message about a sent row under that row when blank rows before it are not sent', async () => {
    const { bridge, user } = setup();
    await user.click(await field(/^Chuyên đề/));
    await user.paste('Việc thực hiện Quy chế dân chủ ở cơ sở');
    await user.click(screen.getByRole('button', { name: 'Thêm người' }));
    // Row 1 stays blank (it is dropped from the input), so row 2 is teams.0.members.0 for the schema.
    await user.click(await field('Họ tên 2'));
    await user.paste('x'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Họ tên không được dài quá 100 ký tự.')).toBeTruthy();
    expect((await field('Họ tên 2')).getAttribute('aria-invalid')).toBe('true');
    expect((await field('Họ tên 1')).getAttribute('aria-invalid')).not.toBe('true');
    expect(bridge.calls.map((c) => c.channel)).not.toContain('inspections.create');
  });

  it('sends the cleaned input once the form is valid', async () => {
    const { saved, savedId, user } = setup();
    await user.click(await field(/^Chuyên đề/));
    await user.paste('  Việc thực hiện   dân chủ ở cơ sở ');
    await user.click(await field('Họ tên 1'));
    await user.paste('Nông Thị Lan');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(savedId()).toBe('new-inspection'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      kind: 'kiem_tra',
      year: 2023,
      date: '2023-03-01',
      topic: 'Việc thực hiện dân chủ ở cơ sở',
      reportBeforeDays: 5,
      teams: [{ name: 'Đoàn số 1', members: [{ memberId: null, fullName: 'Nông Thị Lan', role: 'truong_doan', position: null }] }],
      targets: [],
    });
  });
});
