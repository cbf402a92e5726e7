import { useEffect, useState } from 'react';
import { Alert, Badge, Box, Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBan, IconPlus, IconSearch } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useToday } from '../../lib/useToday';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirm } from '../../components/ConfirmAction';
import { showError, showSuccess } from '../../components/notify';

/** Issue a number by hand (a document made outside the app); a duplicate asks before it is used. */
function ReserveModal({ opened, onClose, kinds }: { opened: boolean; onClose: () => void; kinds: Array<{ value: string; label: string }> }) {
  const [kindCode, setKindCode] = useState<string | null>('CV');
  const today = useToday();
  const [date, setDate] = useState<string | null>(today);
  const [summary, setSummary] = useState('');
  const [manual, setManual] = useState<number | ''>('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const next = useApiQuery('docNumbers.next', { kindCode: kindCode ?? 'CV', date: date ?? undefined }, { enabled: opened && Boolean(kindCode) });
  const reserve = useApiMutation('docNumbers.reserve', { invalidate: ['docNumbers.list', 'docNumbers.next'] });
  const [duplicate, setDuplicate] = useState<string | null>(null);
  useEffect(() => {
    setDuplicate(null);
  }, [kindCode, manual]);
  useEffect(() => {
    if (opened) {
      setSummary('');
      setManual('');
      setFields({});
      setDate(today);
    }
    // Reset only when the dialog opens: a date turning over while it is open must not wipe what was typed.
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async (allowDuplicate = false) => {
    if (!kindCode || !date) return setFields({ ...(kindCode ? {} : { kindCode: 'Chọn loại văn bản.' }), ...(date ? {} : { date: 'Chọn ngày văn bản.' }) });
    try {
      const n = await reserve.mutateAsync({ kindCode, date, summary: summary || null, manualNumber: manual === '' ? null : manual, allowDuplicate });
      showSuccess(`Đã cấp số ${n.numberText}.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.fields.manualNumber) {
        setDuplicate(error.message); // shown in this dialog, with "Vẫn dùng số này"
        return;
      }
      if (error instanceof ApiError) setFields(error.fields);
      showError(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Cấp số văn bản" size="md">
      <Stack gap="sm">
        <Select label="Loại văn bản" data={kinds} value={kindCode} onChange={setKindCode} allowDeselect={false} error={fields.kindCode} />
        <DateInput label="Ngày văn bản" value={date} onChange={setDate} error={fields.date} />
        <TextInput label="Trích yếu" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        <NumberInput
          label="Số tự nhập (để trống để lấy số tiếp theo)"
          description={next.data ? `Số tiếp theo: ${next.data.numberText} (nhiệm kỳ ${next.data.termLabel})` : undefined}
          min={1}
          value={manual}
          onChange={(v) => setManual(typeof v === 'number' ? v : '')}
          error={fields.manualNumber}
        />
        {next.data?.outsideTerm && (
          <Alert color="yellow" py={6}>
            <Text size="sm">Ngày văn bản nằm ngoài nhiệm kỳ {next.data.termLabel} trong Cài đặt. Nếu đã sang nhiệm kỳ mới, hãy cập nhật nhiệm kỳ để số văn bản bắt đầu lại từ 01.</Text>
          </Alert>
        )}
        {duplicate && (
          <Alert color="orange" title="Số văn bản bị trùng" role="alertdialog">
            <Text size="sm">{duplicate}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          {duplicate ? (
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
    </Modal>
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
