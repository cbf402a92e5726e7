import { useState } from 'react';
import { Alert, Badge, Box, Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBan, IconPlus, IconSearch } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { applyServerErrors, inputErrors } from '../../lib/zodForm';
import { docNumberReserveSchema } from '../../../../shared/schemas/docNumbers';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useToday } from '../../lib/useToday';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';

/** Issue a number by hand (a document made outside the app); a duplicate asks before it is used. */
function ReserveModal({ opened, onClose, kinds }: { opened: boolean; onClose: () => void; kinds: Array<{ value: string; label: string }> }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Cấp số văn bản" size="md">
      {/* Mounted per opening: a date turning over while it is open must not wipe what was typed. */}
      {opened && <ReserveForm onClose={onClose} kinds={kinds} />}
    </Modal>
  );
}

interface ReserveValues extends Record<string, unknown> {
  kindCode: string | null;
  date: string | null;
  summary: string;
  /** '' = take the next number */
  manualNumber: number | '';
}

const reserveInput = (v: ReserveValues, allowDuplicate = false) => ({
  kindCode: v.kindCode ?? '',
  date: v.date ?? '',
  summary: v.summary || null,
  manualNumber: v.manualNumber === '' ? null : v.manualNumber,
  allowDuplicate,
});

function ReserveForm({ onClose, kinds }: { onClose: () => void; kinds: Array<{ value: string; label: string }> }) {
  const today = useToday();
  const form = useForm<ReserveValues>({
    mode: 'controlled',
    initialValues: { kindCode: 'CV', date: today, summary: '', manualNumber: '' },
    // Nothing picked yet reads as an instruction; everything else is the channel's own schema.
    validate: (v) =>
      !v.kindCode || !v.date
        ? { ...(v.kindCode ? {} : { kindCode: 'Chọn loại văn bản.' }), ...(v.date ? {} : { date: 'Chọn ngày văn bản.' }) }
        : inputErrors(docNumberReserveSchema, reserveInput(v)),
  });
  const { kindCode, date, manualNumber } = form.values;
  const next = useApiQuery('docNumbers.next', { kindCode: kindCode ?? 'CV', date: date ?? undefined }, { enabled: Boolean(kindCode) });
  const reserve = useApiMutation('docNumbers.reserve', { invalidate: ['docNumbers.list', 'docNumbers.next'] });
  // The duplicate warning belongs to the kind and number it was given for.
  const [duplicate, setDuplicate] = useState<{ message: string; for: string } | null>(null);
  const shownDuplicate = duplicate && duplicate.for === `${kindCode}|${manualNumber}` ? duplicate.message : null;
  const submit = async (allowDuplicate = false) => {
    if (form.validate().hasErrors) return;
    try {
      const n = await reserve.mutateAsync(reserveInput(form.getValues(), allowDuplicate));
      showSuccess(`Đã cấp số ${n.numberText}.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.fields.manualNumber) {
        setDuplicate({ message: error.message, for: `${kindCode}|${manualNumber}` }); // shown in this dialog, with "Vẫn dùng số này"
        return;
      }
      applyServerErrors(form, error);
      showError(error);
    }
  };
  return (
    <Stack gap="sm">
      <Select label="Loại văn bản" data={kinds} allowDeselect={false} {...form.getInputProps('kindCode')} />
      <DateInput label="Ngày văn bản" {...form.getInputProps('date')} />
      <TextInput label="Trích yếu" {...form.getInputProps('summary')} />
      <NumberInput
        label="Số tự nhập (để trống để lấy số tiếp theo)"
        description={next.data ? `Số tiếp theo: ${next.data.numberText} (nhiệm kỳ ${next.data.termLabel})` : undefined}
        min={1}
        {...form.getInputProps('manualNumber')}
        onChange={(v) => form.setFieldValue('manualNumber', typeof v === 'number' ? v : '')}
      />
      {next.data?.outsideTerm && (
        <Alert color="yellow" py={6}>
          <Text size="sm">Ngày văn bản nằm ngoài nhiệm kỳ {next.data.termLabel} trong Cài đặt. Nếu đã sang nhiệm kỳ mới, hãy cập nhật nhiệm kỳ để số văn bản bắt đầu lại từ 01.</Text>
        </Alert>
      )}
      {shownDuplicate && (
        <Alert color="orange" title="Số văn bản bị trùng" role="alertdialog">
          <Text size="sm">{shownDuplicate}</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Hủy
        </Button>
        {shownDuplicate ? (
          <Button color="orange" onClick={() => submit(true)} loading={reserve.isPending}>
            Vẫn dùng số này
          </Button>
        ) : (
          <Button onClick={() => submit(false)} loading={reserve.isPending}>
            Cấp số
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The register of document numbers issued, per kind and term, newest first. */
export function DocNumbersPanel() {
  const kinds = useApiQuery('catalogs.list', { catalog: 'documentKind' });
  const [kindCode, setKindCode] = useState<string | null>(null);
  const [termLabel, setTermLabel] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [showCancelled, setShowCancelled] = useState(false);
  const [reserving, setReserving] = useState(false);
  const list = useApiQuery('docNumbers.list', { kindCode: kindCode ?? undefined, termLabel: termLabel ?? undefined, search: debounced || undefined, includeCancelled: showCancelled });
  const cancel = useApiMutation('docNumbers.cancel', { invalidate: ['docNumbers.list', 'docNumbers.next'] });
  const confirm = useConfirm();
  const kindOptions = (kinds.data?.items ?? []).filter((k) => k.code).map((k) => ({ value: k.code!, label: `${k.code} – ${k.name}` }));
  const items = list.data?.items ?? [];

  const doCancel = async (id: string, numberText: string) => {
    if (!(await confirm({ title: `Hủy số ${numberText}?`, message: 'Số vẫn được giữ trong sổ (gạch ngang) và không tự động cấp lại.', confirmLabel: 'Hủy số', danger: true }))) return;
    cancel.mutate({ id }, { onSuccess: () => showSuccess(`Đã hủy số ${numberText}.`), onError: (e) => showError(e) });
  };

  return (
    <Box>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Select w={200} placeholder="Mọi loại văn bản" aria-label="Loại văn bản" data={kindOptions} value={kindCode} onChange={setKindCode} clearable />
          <Select w={170} placeholder="Mọi nhiệm kỳ" aria-label="Nhiệm kỳ" data={list.data?.terms ?? []} value={termLabel} onChange={setTermLabel} clearable />
          <TextInput w={240} leftSection={<IconSearch size={16} />} placeholder="Tìm số, trích yếu" aria-label="Tìm số văn bản" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Switch label="Hiện số đã hủy" checked={showCancelled} onChange={(e) => setShowCancelled(e.currentTarget.checked)} />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setReserving(true)}>
          Cấp số văn bản
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      <Text size="sm" c="dimmed" mb={6}>
        {formatNumber(items.length)} số đã cấp
      </Text>
      {list.isSuccess && items.length === 0 ? (
        <EmptyState
          title="Chưa cấp số văn bản nào"
          description="Số được cấp tự động khi hoàn thành biên bản, kế hoạch, thông báo…; văn bản soạn ngoài phần mềm thì bấm «Cấp số văn bản»."
          actionLabel="Cấp số văn bản"
          onAction={() => setReserving(true)}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800} maxHeight="calc(100vh - 290px)">
            <Table stickyHeader verticalSpacing={6} fz="sm" aria-label="Sổ số văn bản">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>Số, ký hiệu</Table.Th>
                  <Table.Th w={130}>Loại</Table.Th>
                  <Table.Th w={110}>Ngày</Table.Th>
                  <Table.Th>Trích yếu</Table.Th>
                  <Table.Th w={110}>Nhiệm kỳ</Table.Th>
                  <Table.Th w={150}>Cấp lúc</Table.Th>
                  <Table.Th w={90} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((n) => (
                  <Table.Tr key={n.id} style={n.cancelledAt ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
                    <Table.Td fw={600}>
                      {n.numberText} {n.manual && <Badge size="xs" variant="light" color="orange">tự nhập</Badge>}
                    </Table.Td>
                    <Table.Td>{n.kindName ?? n.kindCode}</Table.Td>
                    <Table.Td>{formatDate(n.issuedDate)}</Table.Td>
                    <Table.Td>{n.summary}</Table.Td>
                    <Table.Td>{n.termLabel}</Table.Td>
                    <Table.Td>{formatDateTime(n.createdAt)}</Table.Td>
                    <Table.Td>
                      {!n.cancelledAt && (
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconBan size={14} />} onClick={() => doCancel(n.id, n.numberText)} aria-label={`Hủy số ${n.numberText}`}>
                          Hủy số
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ReserveModal opened={reserving} onClose={() => setReserving(false)} kinds={kindOptions} />
    </Box>
  );
}
