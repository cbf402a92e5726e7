import { useMemo, useState, type ReactNode } from 'react';
import { Accordion, Alert, Badge, Box, Button, Checkbox, Group, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ImportPreview } from '../../../../shared/schemas/models';
import { formatNumber } from '../../lib/format';
import { foldedFilter } from '../../components/pickers';

/*
 * The preview as a decision screen: counts first, then each kind of problem once with its count and
 * its first rows (expandable), then the decisions the commit will carry out — look-alike rows kept
 * or merged, where new units go, what happens to values the catalogue lacks. The commit button sits
 * in a bar that stays in view however long the lists are.
 */

export const SKIP = '__skip__';
export const CREATE = '__create__';
/** "Where new units go" default: under the organisation the file groups them under, else the top. */
export const BY_FILE = '__file__';
export const TOP = '__top__';

/** Rows shown per group before "Xem tất cả"; and at most this many once expanded (the rest counted). */
const FIRST_ROWS = 5;
const EXPANDED_ROWS = 300;

export interface PreviewDecisions {
  createUnits: boolean;
  /** "catalog|value" → SKIP | CREATE | catalogue item id. */
  valueChoice: Record<string, string>;
  /** "sheet!row" of look-alike rows to merge into the row they look like. */
  merge: Set<string>;
  /** BY_FILE, TOP or a unit id: the parent for every new unit. */
  parentAll: string;
  /** Unit name as in the file → TOP or a unit id (overrides parentAll). */
  unitParents: Record<string, string>;
}

export const initialDecisions = (): PreviewDecisions => ({ createUnits: true, valueChoice: {}, merge: new Set(), parentAll: BY_FILE, unitParents: {} });

export interface PreviewOptions {
  units: Array<{ id: string; name: string; depth: number; closed: boolean }>;
  fields: Array<{ id: string; name: string }>;
  awardForms: Array<{ id: string; name: string }>;
  recognitionLevels: Array<{ id: string; name: string }>;
}

/** A reason with its quoted values taken out: rows with the same kind of problem group together. */
export function problemKind(reason: string): string {
  return reason
    .replace(/“[^”]*”/g, '“…”')
    .replace(/dòng \d+/gi, 'dòng …')
    .trim();
}

interface Group<T> {
  kind: string;
  items: T[];
}

export function groupBy<T>(items: readonly T[], kindOf: (t: T) => string[]): Array<Group<T>> {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    for (const k of kindOf(it)) {
      const list = groups.get(k);
      if (list) list.push(it);
      else groups.set(k, [it]);
    }
  }
  return [...groups.entries()].map(([kind, list]) => ({ kind, items: list })).sort((a, b) => b.items.length - a.items.length);
}

function Stat({ label, value, color }: { label: string; value: number; color?: string | undefined }) {
  return (
    <Box p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color}>
        {formatNumber(value)}
      </Text>
    </Box>
  );
}

/** First rows of a group, all (up to EXPANDED_ROWS) on request. */
function FirstRows<T>({ items, render, label }: { items: T[]; render: (t: T) => ReactNode; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items.slice(0, EXPANDED_ROWS) : items.slice(0, FIRST_ROWS);
  return (
    <Stack gap={4}>
      <ScrollArea.Autosize mah={all ? 260 : undefined}>
        <Table withTableBorder verticalSpacing={2} fz="sm" aria-label={label}>
          <Table.Tbody>{shown.map(render)}</Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {items.length > FIRST_ROWS && (
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setAll((a) => !a)}>
            {all ? 'Thu gọn' : `Xem tất cả ${formatNumber(items.length)} dòng`}
          </Button>
          {all && items.length > EXPANDED_ROWS && (
            <Text size="xs" c="dimmed">
              (hiện {formatNumber(EXPANDED_ROWS)} dòng đầu; các dòng còn lại có trong báo cáo sau khi nhập)
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

const ROW_WARNING = /^Dòng (\d+)/;
/** Up to this many bad rows (or row warnings) are listed as they are; more are grouped by kind. */
const LIST_AS_IS = 10;

export function ImportPreviewStep({
  preview,
  options,
  decisions,
  onChange,
  footer,
}: {
  preview: ImportPreview;
  options: PreviewOptions | undefined;
  decisions: PreviewDecisions;
  onChange: (d: PreviewDecisions) => void;
  footer: ReactNode;
}) {
  const errorGroups = useMemo(() => groupBy(preview.errors, (e) => [...new Set(e.reasons.map(problemKind))]), [preview.errors]);
  const duplicates = preview.duplicates ?? [];
  // Row-level warnings other than the look-alikes (listed with their choice below) group by kind too.
  const rowWarnings = preview.warnings.filter((w) => ROW_WARNING.test(w) && !(duplicates.length && /giống dòng/.test(w)));
  const grouped = preview.errors.length > LIST_AS_IS;
  const groupWarnings = rowWarnings.length > LIST_AS_IS;
  const generalWarnings = preview.warnings.filter((w) => !ROW_WARNING.test(w) || (!groupWarnings && rowWarnings.includes(w)));
  const warningGroups = useMemo(() => groupBy(rowWarnings, (w) => [problemKind(w.replace(/^Dòng \d+( \(TT [^)]*\))?\s*/, ''))]), [rowWarnings]);
  const set = (patch: Partial<PreviewDecisions>) => onChange({ ...decisions, ...patch });

  // Subordinate organisations (top level: the đảng bộ trực thuộc) first, then the rest by tree order.
  const parentOptions = useMemo(() => {
    const units = (options?.units ?? []).filter((u) => !u.closed);
    const top = units.filter((u) => u.depth === 0).map((u) => ({ value: u.id, label: u.name }));
    const lower = units.filter((u) => u.depth > 0).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }));
    return [
      { group: 'Đơn vị trực thuộc', items: top },
      ...(lower.length ? [{ group: 'Đơn vị cấp dưới', items: lower }] : []),
    ];
  }, [options?.units]);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
        <Stat label="Dòng đọc được" value={preview.rowsRead} />
        <Stat label="Dòng hợp lệ" value={preview.rowsValid} color="green" />
        <Stat label="Dòng lỗi" value={preview.errors.length} color={preview.errors.length ? 'red' : undefined} />
        <Stat label="Sẽ thêm mới" value={preview.plan.create} />
        <Stat label="Sẽ cập nhật" value={preview.plan.update} />
        <Stat label="Không đổi" value={preview.plan.unchanged} />
      </SimpleGrid>

      {generalWarnings.map((w) => (
        <Alert key={w} color="yellow" icon={<IconAlertTriangle size={16} />} py={6}>
          {w}
        </Alert>
      ))}

      {preview.errors.length > 0 && !grouped && (
        <Box>
          <Text fw={600} mb={4}>
            Các dòng lỗi (sẽ bỏ qua)
          </Text>
          <Table withTableBorder verticalSpacing={4} aria-label="Các dòng lỗi">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>
                  Dòng Excel
                </Table.Th>
                <Table.Th w={60}>TT</Table.Th>
                <Table.Th>Lý do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.errors.map((e) => (
                <Table.Tr key={`${e.sheet}-${e.row}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.seq ?? ''}</Table.Td>
                  <Table.Td>{e.reasons.join(' ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}

      {((grouped && errorGroups.length > 0) || (groupWarnings && warningGroups.length > 0)) && (
        <Box>
          <Text fw={600} mb={4}>
            Vấn đề trong tệp ({formatNumber((grouped ? errorGroups.length : 0) + (groupWarnings ? warningGroups.length : 0))} loại)
          </Text>
          <Accordion variant="separated" multiple chevronPosition="left" aria-label="Vấn đề trong tệp">
            {(grouped ? errorGroups : []).map((g) => (
              <Accordion.Item key={`e:${g.kind}`} value={`e:${g.kind}`}>
                <Accordion.Control>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color="red" variant="light">
                      {formatNumber(g.items.length)} dòng
                    </Badge>
                    <Text size="sm">{g.kind} (sẽ bỏ qua)</Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <FirstRows
                    label={`Các dòng: ${g.kind}`}
                    items={g.items}
                    render={(e) => (
                      <Table.Tr key={`${e.sheet}-${e.row}`}>
                        <Table.Td w={90}>Dòng {e.row}</Table.Td>
                        <Table.Td w={70}>{e.seq ? `TT ${e.seq}` : ''}</Table.Td>
                        <Table.Td>{e.reasons.join(' ')}</Table.Td>
                      </Table.Tr>
                    )}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
            {(groupWarnings ? warningGroups : []).map((g) => (
              <Accordion.Item key={`w:${g.kind}`} value={`w:${g.kind}`}>
                <Accordion.Control>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color="yellow" variant="light">
                      {formatNumber(g.items.length)} dòng
                    </Badge>
                    <Text size="sm">{g.kind}</Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <FirstRows
                    label={`Các dòng: ${g.kind}`}
                    items={g.items}
                    render={(w) => (
                      <Table.Tr key={w}>
                        <Table.Td>{w}</Table.Td>
                      </Table.Tr>
                    )}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Box>
      )}

      {duplicates.length > 0 && (
        <Box>
          <Group justify="space-between" mb={4}>
            <Text fw={600}>Dòng giống nhau ({formatNumber(duplicates.length)}): cùng đơn vị, tên mô hình và người thực hiện, nhưng có số TT riêng</Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="default" onClick={() => set({ merge: new Set() })}>
                Giữ riêng tất cả
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => set({ merge: new Set(duplicates.map((d) => `${d.sheet}!${d.row}`)) })}>
                Gộp tất cả
              </Button>
            </Group>
          </Group>
          <FirstRows
            label="Dòng giống nhau"
            items={duplicates}
            render={(d) => {
              const key = `${d.sheet}!${d.row}`;
              return (
                <Table.Tr key={key}>
                  <Table.Td w={170}>
                    Dòng {d.row}
                    {d.seq ? ` (TT ${d.seq})` : ''} ~ dòng {d.sameAsRow}
                  </Table.Td>
                  <Table.Td>
                    {d.name} — {d.unitName}
                  </Table.Td>
                  <Table.Td w={210}>
                    <SegmentedControl
                      size="xs"
                      aria-label={`Dòng ${d.row}`}
                      value={decisions.merge.has(key) ? 'merge' : 'keep'}
                      onChange={(v) => {
                        const merge = new Set(decisions.merge);
                        if (v === 'merge') merge.add(key);
                        else merge.delete(key);
                        set({ merge });
                      }}
                      data={[
                        { value: 'keep', label: 'Giữ riêng' },
                        { value: 'merge', label: 'Gộp' },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            }}
          />
        </Box>
      )}

      {preview.unknownUnits.length > 0 && (
        <Box>
          <Text fw={600} mb={4}>
            Đơn vị chưa có trong danh sách ({formatNumber(preview.unknownUnits.length)})
          </Text>
          <Checkbox
            mb={6}
            checked={decisions.createUnits}
            onChange={(e) => set({ createUnits: e.currentTarget.checked })}
            label="Tạo các đơn vị này; nếu không, các dòng của chúng sẽ bị bỏ qua"
          />
          {decisions.createUnits && (
            <Stack gap={6}>
              <Select
                size="xs"
                w={460}
                label="Đặt các đơn vị mới dưới"
                aria-label="Đặt các đơn vị mới dưới"
                searchable
                filter={foldedFilter}
                data={[{ group: 'Mặc định', items: [{ value: BY_FILE, label: 'Theo nhóm trong tệp (không có nhóm: cấp trực thuộc)' }, { value: TOP, label: 'Cấp trực thuộc (cấp cao nhất)' }] }, ...parentOptions]}
                value={decisions.parentAll}
                onChange={(v) => set({ parentAll: v ?? BY_FILE })}
                allowDeselect={false}
              />
              <FirstRows
                label="Đơn vị mới"
                items={preview.unknownUnits}
                render={(u) => (
                  <Table.Tr key={u.name}>
                    <Table.Td>
                      {u.name} · {formatNumber(u.rows)} dòng
                    </Table.Td>
                    <Table.Td w={360}>
                      <Select
                        size="xs"
                        aria-label={`Cấp trên của ${u.name}`}
                        searchable
                        filter={foldedFilter}
                        placeholder={decisions.parentAll === BY_FILE ? (u.parentName ? `Dưới ${u.parentName} (theo tệp)` : 'Cấp trực thuộc') : 'Như lựa chọn chung'}
                        data={[{ group: 'Mặc định', items: [{ value: TOP, label: 'Cấp trực thuộc (cấp cao nhất)' }] }, ...parentOptions]}
                        value={decisions.unitParents[u.name] ?? null}
                        onChange={(v) => {
                          const unitParents = { ...decisions.unitParents };
                          if (v) unitParents[u.name] = v;
                          else delete unitParents[u.name];
                          set({ unitParents });
                        }}
                        clearable
                      />
                    </Table.Td>
                  </Table.Tr>
                )}
              />
            </Stack>
          )}
        </Box>
      )}

      {preview.unknownValues.length > 0 && (
        <Box>
          <Text fw={600} mb={4}>
            Giá trị chưa có trong danh mục
          </Text>
          <Stack gap={6}>
            {preview.unknownValues.map((v) => {
              const list = v.catalog === 'field' ? options?.fields : v.catalog === 'awardForm' ? options?.awardForms : options?.recognitionLevels;
              const key = `${v.catalog}|${v.value}`;
              return (
                <Group key={key} gap="sm">
                  <Text size="sm" w={340}>
                    {v.catalog === 'field' ? 'Lĩnh vực' : v.catalog === 'awardForm' ? 'Hình thức khen thưởng' : 'Cấp công nhận'} “{v.value}” ({formatNumber(v.rows)} dòng)
                  </Text>
                  <Select
                    size="xs"
                    w={380}
                    aria-label={`Xử lý giá trị ${v.value}`}
                    data={[
                      { value: CREATE, label: 'Thêm vào danh mục' },
                      { value: SKIP, label: 'Bỏ qua các dòng này' },
                      ...(list ?? []).map((i) => ({ value: i.id, label: `Ghép vào: ${i.name}` })),
                    ]}
                    value={decisions.valueChoice[key] ?? CREATE}
                    onChange={(c) => set({ valueChoice: { ...decisions.valueChoice, [key]: c ?? CREATE } })}
                    allowDeselect={false}
                  />
                </Group>
              );
            })}
          </Stack>
        </Box>
      )}

      {/* Stays in view at the bottom of the dialog however long the lists above are. */}
      <Box
        data-testid="import-commit-bar"
        py="xs"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
      >
        {footer}
      </Box>
    </Stack>
  );
}

/** The commit input the decisions stand for (the defaults are `createMissing` + `createMissingFields`). */
export function commitChoices(preview: ImportPreview, d: PreviewDecisions) {
  const valueMap: Record<string, string> = {};
  const skipValues: string[] = [];
  let createFields = false;
  let createOthers = false;
  for (const v of preview.unknownValues) {
    const key = `${v.catalog}|${v.value}`;
    const choice = d.valueChoice[key] ?? CREATE;
    if (choice === CREATE) {
      if (v.catalog === 'field') createFields = true;
      else createOthers = true;
    } else if (choice === SKIP) skipValues.push(key);
    else valueMap[v.value] = choice;
  }
  const unitParents: Record<string, string | null> = {};
  for (const [name, parent] of Object.entries(d.unitParents)) unitParents[name] = parent === TOP ? null : parent;
  // "Top for all" is every unknown unit at the top, whatever the file groups them under.
  if (d.parentAll === TOP) for (const u of preview.unknownUnits) if (!(u.name in unitParents)) unitParents[u.name] = null;
  return {
    createMissing: d.createUnits || createOthers,
    createMissingUnits: d.createUnits,
    createMissingFields: createFields,
    valueMap,
    ...(skipValues.length ? { skipValues } : {}),
    ...(d.merge.size ? { mergeRows: [...d.merge] } : {}),
    ...(d.parentAll !== BY_FILE && d.parentAll !== TOP ? { parentId: d.parentAll } : {}),
    ...(Object.keys(unitParents).length ? { unitParents } : {}),
  };
}
