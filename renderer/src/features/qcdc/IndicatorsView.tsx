/**
 * Danh mục chỉ tiêu: the indicator catalogue of a loại hình (and those of every loại hình) — add,
 * rename, reorder, deactivate. Figures point at the indicator's id, so a rename keeps earlier
 * periods' figures; the history of names is shown on hover.
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconHistory, IconPencil, IconPlus } from '@tabler/icons-react';
import {
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  INDICATOR_SOURCE_LABELS,
  INDICATOR_SOURCES,
  createIndicatorSchema,
  type Indicator,
} from '../../../../shared/schemas/qcdc';
import { QCDC_TYPES, QCDC_TYPE_LABELS, type QcdcType } from '../../../../shared/schemas/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showError, showSuccess } from '../../components/notify';
import { formatDateTime } from '../../lib/format';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { applyServerErrors, parseForm, zodResolver } from '../../lib/zodForm';
import { PeriodControls } from './PeriodControls';
import { usePeriod } from './usePeriod';
import { QCDC_READS } from './reads';

const EVERY = '__every__';

export function IndicatorsView() {
  const { qcdcType } = usePeriod();
  const list = useApiQuery('qcdc.indicators.list', { qcdcType, includeInactive: true });
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Indicator | null>(null);
  const update = useApiMutation('qcdc.indicators.update', { invalidate: QCDC_READS, onError: showError });
  const all = list.data ?? [];
  const own = all.filter((i) => i.qcdcType === qcdcType);
  const every = all.filter((i) => i.qcdcType === null);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <PeriodControls withPeriod={false} />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          Thêm chỉ tiêu
        </Button>
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Section title={`Chỉ tiêu riêng của loại hình: ${QCDC_TYPE_LABELS[qcdcType]}`} rows={own} busy={update.isPending} onUpdate={(v) => update.mutate(v)} onRename={setRenaming} all={all} />
      <Section title="Chỉ tiêu chung cho mọi loại hình" rows={every} busy={update.isPending} onUpdate={(v) => update.mutate(v)} onRename={setRenaming} all={all} />
      <CreateIndicator opened={adding} qcdcType={qcdcType} counts={all.filter((i) => i.kind === 'count')} onClose={() => setAdding(false)} />
      <RenameIndicator indicator={renaming} onClose={() => setRenaming(null)} />
    </Stack>
  );
}

function Section({
  title,
  rows,
  all,
  busy,
  onUpdate,
  onRename,
}: {
  title: string;
  rows: Indicator[];
  all: Indicator[];
  busy: boolean;
  onUpdate: (v: { id: string; position?: number; active?: boolean }) => void;
  onRename: (i: Indicator) => void;
}) {
  const nameOf = (id: string | null) => all.find((i) => i.id === id)?.name ?? '';
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có chỉ tiêu nào.
        </Text>
      ) : (
        <Table striped withTableBorder verticalSpacing={4} aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>TT</Table.Th>
              <Table.Th>Tên chỉ tiêu</Table.Th>
              <Table.Th w={120}>Kiểu</Table.Th>
              <Table.Th w={260}>Nguồn số liệu</Table.Th>
              <Table.Th w={110}>Trạng thái</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i, idx) => (
              <Table.Tr key={i.id} style={i.active ? undefined : { opacity: 0.6 }}>
                <Table.Td>{idx + 1}</Table.Td>
                <Table.Td>
                  {/* The code is the catalogue's key for files and reports, not something an officer reads. */}
                  <Text size="sm" title={i.code ?? undefined}>
                    {i.name}
                    {i.unitLabel ? <Text span c="dimmed" size="xs"> ({i.unitLabel})</Text> : null}
                  </Text>
                  {i.legalBasis && (
                    <Text size="xs" c="dimmed">
                      {i.legalBasis}
                    </Text>
                  )}
                  {i.kind === 'ratio' && (
                    <Text size="xs" c="dimmed">
                      = {nameOf(i.numeratorId)} / {nameOf(i.denominatorId)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{INDICATOR_KIND_LABELS[i.kind]}</Table.Td>
                <Table.Td>
                  <Text size="xs">{i.kind === 'ratio' ? 'Tự tính' : INDICATOR_SOURCE_LABELS[i.source]}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.active ? 'green' : 'gray'} tt="none">
                    {i.active ? 'Đang dùng' : 'Ngừng dùng'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Đưa ${i.name} lên`} disabled={busy || idx === 0} onClick={() => onUpdate({ id: i.id, position: idx - 1 })}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Đưa ${i.name} xuống`} disabled={busy || idx === rows.length - 1} onClick={() => onUpdate({ id: i.id, position: idx + 1 })}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Đổi tên ${i.name}`} onClick={() => onRename(i)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    {i.history.length > 0 && (
                      <Tooltip
                        multiline
                        w={320}
                        label={i.history.map((h) => `${formatDateTime(h.at)}: ${h.name}${h.active ? '' : ' (ngừng dùng)'}`).join('\n')}
                        style={{ whiteSpace: 'pre-line' }}
                      >
                        <ActionIcon variant="subtle" color="gray" aria-label={`Lịch sử ${i.name}`}>
                          <IconHistory size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Button size="compact-xs" variant="subtle" color={i.active ? 'red' : 'green'} disabled={busy} onClick={() => onUpdate({ id: i.id, active: !i.active })}>
                      {i.active ? 'Ngừng' : 'Dùng lại'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

interface CreateValues {
  qcdcType: string;
  code: string;
  name: string;
  kind: (typeof INDICATOR_KINDS)[number];
  source: (typeof INDICATOR_SOURCES)[number];
  numeratorId: string | null;
  denominatorId: string | null;
  unitLabel: string;
  legalBasis: string;
}

function CreateIndicator({ opened, qcdcType, counts, onClose }: { opened: boolean; qcdcType: QcdcType; counts: Indicator[]; onClose: () => void }) {
  const create = useApiMutation('qcdc.indicators.create', { invalidate: QCDC_READS });
  const initial: CreateValues = { qcdcType, code: '', name: '', kind: 'count', source: 'typed', numeratorId: null, denominatorId: null, unitLabel: '', legalBasis: '' };
  const toInput = (v: CreateValues) => ({
    ...v,
    qcdcType: v.qcdcType === EVERY ? null : (v.qcdcType as QcdcType),
    code: v.code || null,
    unitLabel: v.unitLabel || null,
    legalBasis: v.legalBasis || null,
    numeratorId: v.kind === 'ratio' ? v.numeratorId : null,
    denominatorId: v.kind === 'ratio' ? v.denominatorId : null,
  });
  const form = useForm<CreateValues>({ initialValues: initial, validate: (v) => zodResolver(createIndicatorSchema)(toInput(v)) });
  const close = () => {
    form.reset();
    onClose();
  };
  const countOptions = counts.map((c) => ({ value: c.id, label: c.name }));
  return (
    <Modal opened={opened} onClose={close} title="Thêm chỉ tiêu" size="lg">
      <form
        onSubmit={form.onSubmit((v) => {
          create.mutate(parseForm(createIndicatorSchema, toInput(v)), {
            onSuccess: (i) => {
              showSuccess(`Đã thêm chỉ tiêu “${i.name}”.`);
              close();
            },
            onError: (e) => applyServerErrors(form, e) || showError(e),
          });
        })}
      >
        <Stack gap="sm">
          <Select
            label="Loại hình"
            data={[...QCDC_TYPES.map((t) => ({ value: t, label: QCDC_TYPE_LABELS[t] })), { value: EVERY, label: 'Mọi loại hình' }]}
            allowDeselect={false}
            {...form.getInputProps('qcdcType')}
          />
          <TextInput label="Tên chỉ tiêu" required data-autofocus {...form.getInputProps('name')} />
          <Group grow>
            <Select label="Kiểu" data={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))} allowDeselect={false} {...form.getInputProps('kind')} />
            <Select
              label="Nguồn số liệu"
              data={INDICATOR_SOURCES.map((s) => ({ value: s, label: INDICATOR_SOURCE_LABELS[s] }))}
              allowDeselect={false}
              disabled={form.values.kind !== 'count'}
              {...form.getInputProps('source')}
            />
          </Group>
          {form.values.kind === 'ratio' && (
            <Group grow>
              <Select label="Tử số" data={countOptions} searchable {...form.getInputProps('numeratorId')} />
              <Select label="Mẫu số" data={countOptions} searchable {...form.getInputProps('denominatorId')} />
            </Group>
          )}
          <Group grow>
            <TextInput label="Mã (số thứ tự trong biểu)" {...form.getInputProps('code')} />
            <TextInput label="Đơn vị tính" placeholder="cuộc, ý kiến, đơn…" {...form.getInputProps('unitLabel')} />
          </Group>
          <TextInput label="Căn cứ" placeholder="Điều 11 Luật 10/2022/QH15" {...form.getInputProps('legalBasis')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Hủy
            </Button>
            <Button type="submit" loading={create.isPending}>
              Thêm chỉ tiêu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RenameIndicator({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const update = useApiMutation('qcdc.indicators.update', { invalidate: QCDC_READS });
  const [name, setName] = useState('');
  const [unitLabel, setUnitLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      opened={indicator !== null}
      onClose={onClose}
      title="Sửa tên chỉ tiêu"
      onEnterTransitionEnd={() => {
        setName(indicator?.name ?? '');
        setUnitLabel(indicator?.unitLabel ?? '');
        setError(null);
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Số liệu các kỳ trước vẫn giữ nguyên; tên cũ được lưu trong lịch sử chỉ tiêu.
        </Text>
        <ErrorAlert error={error} />
        <TextInput label="Tên chỉ tiêu" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <TextInput label="Đơn vị tính" value={unitLabel} onChange={(e) => setUnitLabel(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            loading={update.isPending}
            onClick={() =>
              indicator &&
              update.mutate(
                { id: indicator.id, name, unitLabel: unitLabel || null },
                {
                  onSuccess: () => {
                    showSuccess('Đã đổi tên chỉ tiêu.');
                    onClose();
                  },
                  onError: setError,
                },
              )
            }
          >
            Lưu
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
