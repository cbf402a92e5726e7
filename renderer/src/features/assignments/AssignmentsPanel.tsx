import { useEffect, useMemo, useState } from 'react';
import { Badge, Box, Button, Checkbox, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy, IconPrinter, IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { MEMBER_ROLE_LABELS } from '../../../../shared/schemas/members';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { foldText, formatDate, formatNumber } from '../../lib/format';
import { EmptyState } from '../../components/EmptyState';
import { showError, showSuccess } from '../../components/notify';
import { AssignmentPrintModal } from './AssignmentPrintModal';

/**
 * Phân công phụ trách: pick a member on the left, tick the units they follow (many at once, a
 * whole đảng bộ with its cơ sở in one click), set the period, save. The printable list is one click away.
 */
export function AssignmentsPanel() {
  const [params, setParams] = useSearchParams();
  const memberId = params.get('member');
  const members = useApiQuery('members.list', { order: 'role' });
  const units = useApiQuery('units.list', { includeClosed: false });
  const current = useApiQuery('assignments.list', { memberId: memberId ?? undefined }, { enabled: Boolean(memberId) });
  const assign = useApiMutation('members.assign', { invalidate: ['assignments.list', 'members.list', 'units.list'] });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!memberId && members.data?.items[0]) setParams({ member: members.data.items[0].id }, { replace: true });
  }, [memberId, members.data, setParams]);

  useEffect(() => {
    if (!current.data) return;
    setSelected(new Set(current.data.items.map((a) => a.unitId)));
    const first = current.data.items[0];
    setFromDate(first?.fromDate ?? null);
    setToDate(first?.toDate ?? null);
  }, [current.data]);

  const unitList = useMemo(() => units.data?.items ?? [], [units.data]);
  const member = members.data?.items.find((m) => m.id === memberId) ?? null;
  const filtered = useMemo(() => {
    const words = foldText(debounced).split(' ').filter(Boolean);
    if (!words.length) return unitList;
    return unitList.filter((u) => words.every((w) => foldText(`${u.name} ${u.shortName ?? ''}`).includes(w)));
  }, [unitList, debounced]);

  const childrenOf = (id: string) => {
    const out: string[] = [];
    const ids = new Set([id]);
    for (const u of unitList) if (u.parentId && ids.has(u.parentId)) {
      ids.add(u.id);
      out.push(u.id);
    }
    return out;
  };

  const toggle = (id: string, checked: boolean, withChildren: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const x of [id, ...(withChildren ? childrenOf(id) : [])]) {
        if (checked) next.add(x);
        else next.delete(x);
      }
      return next;
    });

  const save = async () => {
    if (!memberId) return;
    try {
      await assign.mutateAsync({ memberId, unitIds: [...selected], fromDate, toDate, replace: true });
      showSuccess(`Đã lưu phân công: đồng chí ${member?.fullName} phụ trách ${formatNumber(selected.size)} đơn vị.`);
    } catch (error) {
      showError(error);
    }
  };

  if (members.isSuccess && members.data.items.length === 0) {
    return <EmptyState title="Chưa có thành viên nào" description="Thêm thành viên Ban Chỉ đạo ở thẻ «Thành viên Ban Chỉ đạo» trước khi phân công." />;
  }

  return (
    <Box>
      <Grid gap="md">
        <Grid.Col span={4}>
          <Paper withBorder p={4}>
            <ScrollArea h="calc(100vh - 250px)">
              {(members.data?.items ?? []).map((m) => (
                <NavLink
                  key={m.id}
                  active={m.id === memberId}
                  onClick={() => setParams({ member: m.id })}
                  label={m.fullName}
                  description={`${MEMBER_ROLE_LABELS[m.role]} · ${m.unitNames.length ? `${m.unitNames.length} đơn vị` : 'chưa phân công'}`}
                />
              ))}
            </ScrollArea>
          </Paper>
        </Grid.Col>
        <Grid.Col span={8}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Box>
                <Title order={3} fz="lg">
                  {member ? member.fullName : 'Chọn một thành viên'}
                </Title>
                {member && (
                  <Text size="sm" c="dimmed">
                    {MEMBER_ROLE_LABELS[member.role]}
                    {member.position ? ` · ${member.position}` : ''}
                  </Text>
                )}
              </Box>
              <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)}>
                In danh sách phân công
              </Button>
            </Group>
            <Group align="flex-end">
              <DateInput label="Phụ trách từ ngày" value={fromDate} onChange={setFromDate} w={170} />
              <DateInput label="đến ngày" value={toDate} onChange={setToDate} w={170} />
              <TextInput label="Lọc đơn vị" leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} placeholder="Gõ không dấu được" style={{ flex: 1 }} />
            </Group>
            <Paper withBorder p="xs">
              <ScrollArea h="calc(100vh - 420px)">
                {filtered.length === 0 ? (
                  <Text c="dimmed" size="sm" p="sm">
                    {unitList.length === 0 ? 'Chưa có đơn vị nào. Thêm đơn vị ở thẻ «Đơn vị».' : 'Không có đơn vị phù hợp.'}
                  </Text>
                ) : (
                  <Stack gap={6}>
                    {filtered.map((u) => (
                      <Group key={u.id} gap={6} pl={debounced ? 0 : u.depth * 24} wrap="nowrap">
                        <Checkbox
                          checked={selected.has(u.id)}
                          onChange={(e) => toggle(u.id, e.currentTarget.checked, false)}
                          label={u.name}
                          aria-label={`Phụ trách ${u.name}`}
                          disabled={!memberId}
                        />
                        {u.childCount > 0 && !debounced && (
                          <Button size="compact-xs" variant="subtle" onClick={() => toggle(u.id, !selected.has(u.id), true)} disabled={!memberId}>
                            {selected.has(u.id) ? 'bỏ cả cơ sở' : `chọn cả ${u.childCount} cơ sở`}
                          </Button>
                        )}
                        {u.memberNames.filter((n) => n !== member?.fullName).length > 0 && (
                          <Text size="xs" c="dimmed" truncate>
                            ({u.memberNames.filter((n) => n !== member?.fullName).join(', ')})
                          </Text>
                        )}
                      </Group>
                    ))}
                  </Stack>
                )}
              </ScrollArea>
            </Paper>
            <Group justify="space-between">
              <Group gap="xs">
                <Badge variant="light">Đã chọn {formatNumber(selected.size)} đơn vị</Badge>
                {fromDate && <Text size="xs" c="dimmed">từ {formatDate(fromDate)}{toDate ? ` đến ${formatDate(toDate)}` : ''}</Text>}
              </Group>
              <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={assign.isPending} disabled={!memberId}>
                Lưu phân công
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
      <AssignmentPrintModal opened={printing} onClose={() => setPrinting(false)} />
    </Box>
  );
}
