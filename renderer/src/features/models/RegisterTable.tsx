import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { Badge, Box, Center, Checkbox, Group, Loader, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  MODEL_KIND_LABELS,
  MODEL_STATUS_LABELS,
  SEARCH_SORT_CAP,
  type ModelFilterInput,
  type ModelListOrder,
  type ModelSort,
  type ModelYearRow,
} from '../../../../shared/schemas/models';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { EmptyState } from '../../components/EmptyState';

/*
 * The register: server-side filtering, sorting and paging, with a virtual window over the whole
 * result. Only the pages the user scrolls to are fetched (200 rows each), so 100,000 records scroll
 * as smoothly as 100 and the renderer never holds the whole register.
 *
 * A search matching more than SEARCH_SORT_CAP records comes newest first with a lower-bound total
 * (models.list `totalCapped`, `order: 'recent'`): the table asks `models.count` for the exact
 * number right away and grows to it, and the footer says which order the rows are in.
 */

const PAGE = 200;
const SORT_LABELS: Record<ModelSort, string> = { name: 'theo tên', unit: 'theo đơn vị', updated: 'theo ngày cập nhật' };
const ROW_HEIGHT = 38;

export const STATUS_COLORS: Record<string, string> = {
  registered: 'gray',
  implementing: 'blue',
  eligible: 'cyan',
  reviewed: 'violet',
  recognised: 'green',
  notRecognised: 'red',
};

export function StatusBadges({ row }: { row: Pick<ModelYearRow, 'status' | 'typical' | 'commended'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLORS[row.status]} size="sm">
        {MODEL_STATUS_LABELS[row.status]}
      </Badge>
      {row.typical && (
        <Badge variant="filled" color="orange" size="sm">
          Điển hình
        </Badge>
      )}
      {row.commended && (
        <Badge variant="outline" color="grape" size="sm">
          Khen thưởng
        </Badge>
      )}
    </Group>
  );
}

interface Column {
  key: string;
  header: string;
  width: string;
  sort?: ModelSort;
  render: (r: ModelYearRow) => ReactNode;
}

const COLUMNS: Column[] = [
  { key: 'name', header: 'Tên mô hình', width: 'minmax(280px, 3fr)', sort: 'name', render: (r) => r.name },
  { key: 'unit', header: 'Đơn vị', width: 'minmax(180px, 1.6fr)', sort: 'unit', render: (r) => r.unitName },
  { key: 'year', header: 'Năm', width: '64px', render: (r) => r.year },
  { key: 'kind', header: 'Loại', width: '84px', render: (r) => MODEL_KIND_LABELS[r.kind] },
  { key: 'field', header: 'Lĩnh vực', width: 'minmax(160px, 1.4fr)', render: (r) => r.fieldName ?? '—' },
  { key: 'reg', header: 'Mới/Duy trì', width: '96px', render: (r) => (r.registration === 'new' ? 'Mới' : 'Duy trì') },
  { key: 'status', header: 'Trạng thái', width: 'minmax(180px, 1.2fr)', render: (r) => <StatusBadges row={r} /> },
];

export interface RegisterTableProps {
  filter: ModelFilterInput;
  sort: ModelSort;
  /** The sort reversed (the same column header clicked again). */
  descending?: boolean;
  onSortChange: (sort: ModelSort, descending: boolean) => void;
  /** Bump to drop cached pages after a write. */
  version: number;
  selected: Set<string>;
  onSelectedChange: (next: Set<string>) => void;
  onOpen: (row: ModelYearRow) => void;
  onTotal?: (total: number | null) => void;
  empty: ReactNode;
}

const CELL_STYLE: CSSProperties = {
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  padding: '0 var(--mantine-spacing-xs)',
  fontSize: 'var(--mantine-font-size-sm)',
};

/**
 * One row's cells, memoised: while scrolling only the rows entering the window render, and the
 * cells are plain elements with a native checkbox (Mantine components on every cell of every
 * frame made scrolling 100k rows drop to ~20 fps).
 */
const RowCells = memo(function RowCells({ r, checked, onToggle }: { r: ModelYearRow; checked: boolean; onToggle: (id: string) => void }) {
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'center' }} onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Chọn ${r.name}`} checked={checked} onChange={() => onToggle(r.id)} />
      </div>
      {COLUMNS.map((c) => {
        const value = c.render(r);
        return (
          <div key={c.key} style={CELL_STYLE} title={typeof value === 'string' ? value : undefined}>
            {value}
          </div>
        );
      })}
    </>
  );
});

export function RegisterTable({ filter, sort, descending = false, onSortChange, version, selected, onSelectedChange, onOpen, onTotal, empty }: RegisterTableProps) {
  const key = JSON.stringify([filter, sort, descending, version]);
  const [total, setTotal] = useState<number | null>(null);
  /** `total` is a lower bound until models.count answers. */
  const [capped, setCapped] = useState(false);
  const [order, setOrder] = useState<ModelListOrder>(sort);
  const exactTotal = useRef<number | null>(null);
  const countAsked = useRef(false);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, ModelYearRow[]>());
  const loading = useRef(new Set<number>());
  const currentKey = useRef(key);
  const [error, setError] = useState<string | null>(null);

  const loadPage = useCallback(
    async (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const forKey = currentKey.current;
      try {
        const res = await api('models.list', { ...filter, sort, ...(descending ? { descending } : {}), offset: page * PAGE, limit: PAGE });
        if (forKey !== currentKey.current) return;
        pages.current.set(page, res.rows);
        setOrder(res.order);
        if (!res.totalCapped) {
          exactTotal.current = res.total;
          setTotal(res.total);
          setCapped(false);
        } else if (exactTotal.current === null) {
          setTotal((t) => Math.max(t ?? 0, res.total));
          setCapped(true);
          if (!countAsked.current) {
            countAsked.current = true;
            void api('models.count', filter)
              .then(({ total: exact }) => {
                if (forKey !== currentKey.current) return;
                exactTotal.current = exact;
                setTotal(exact);
                setCapped(false);
              })
              .catch(() => undefined); // the lower bound stays; pages still load as the user scrolls
          }
        }
        setError(null);
        setTick((t) => t + 1);
      } catch (e) {
        if (forKey === currentKey.current) setError(e instanceof Error ? e.message : String(e));
      } finally {
        loading.current.delete(page);
      }
    },
    // The key captures filter and sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    currentKey.current = key;
    pages.current = new Map();
    loading.current = new Set();
    exactTotal.current = null;
    countAsked.current = false;
    setTotal(null);
    setCapped(false);
    setOrder(sort);
    void loadPage(0);
  }, [key, loadPage, sort]);

  useEffect(() => onTotal?.(total), [total, onTotal]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    for (let p = Math.floor(firstIndex / PAGE); p <= Math.floor(lastIndex / PAGE); p++) void loadPage(p);
  }, [firstIndex, lastIndex, total, loadPage]);

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const loadedRows = useMemo(() => [...pages.current.values()].flat(), [total, pages.current.size]); // eslint-disable-line react-hooks/exhaustive-deps
  const allLoadedSelected = loadedRows.length > 0 && loadedRows.every((r) => selected.has(r.id));
  const grid = `44px ${COLUMNS.map((c) => c.width).join(' ')}`;

  const toggle = useCallback((id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  }, [selected, onSelectedChange]);

  if (total === 0) return <>{empty}</>;
  return (
    <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: 'white' }}>
      <Box
        role="row"
        style={{ display: 'grid', gridTemplateColumns: grid, alignItems: 'center', background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)', minHeight: 40 }}
      >
        <Center>
          <Checkbox
            aria-label="Chọn tất cả các dòng đã tải"
            checked={allLoadedSelected}
            indeterminate={!allLoadedSelected && selected.size > 0}
            onChange={() => onSelectedChange(allLoadedSelected ? new Set() : new Set(loadedRows.map((r) => r.id)))}
          />
        </Center>
        {COLUMNS.map((c) => (
          <Box key={c.key} px="xs" role="columnheader" aria-sort={c.sort && c.sort === order ? (descending ? 'descending' : 'ascending') : undefined}>
            {c.sort ? (
              // A second click on the sorted column reverses it.
              <UnstyledButton onClick={() => onSortChange(c.sort!, c.sort === sort ? !descending : false)} fw={600} fz="sm">
                <Group gap={4} wrap="nowrap">
                  {c.header}
                  {c.sort === order && (descending ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />)}
                </Group>
              </UnstyledButton>
            ) : (
              <Text fw={600} fz="sm">
                {c.header}
              </Text>
            )}
          </Box>
        ))}
      </Box>
      <Box ref={scrollRef} style={{ height: 'calc(100vh - 400px)', minHeight: 260, overflow: 'auto' }} role="rowgroup" aria-label="Sổ mô hình">
        {total === null && !error && (
          <Center h={200}>
            <Loader aria-label="Đang tải" />
          </Center>
        )}
        {error && (
          <Text c="red" p="md">
            {error}
          </Text>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rowAt(v.index);
            return (
              <div
                key={v.key}
                role="row"
                data-row-id={r?.id}
                onClick={() => r && onOpen(r)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: grid,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  cursor: r ? 'pointer' : 'default',
                  background: r && selected.has(r.id) ? 'var(--mantine-color-blue-0)' : undefined,
                }}
              >
                {r ? (
                  <RowCells r={r} checked={selected.has(r.id)} onToggle={toggle} />
                ) : (
                  <Box px="xs" style={{ gridColumn: '1 / -1' }}>
                    <Skeleton height={14} radius="sm" />
                  </Box>
                )}
              </div>
            );
          })}
        </div>
      </Box>
      <Group px="sm" py={6} justify="space-between" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="register-count">
          {total === null ? 'Đang đếm…' : countLabel(total, capped, order === 'recent')}
          {selected.size > 0 ? ` · đã chọn ${formatNumber(selected.size)}` : ''}
        </Text>
        {order === 'recent' && (
          <Text size="sm" c="orange.8" data-testid="register-order-note">
            Nhiều kết quả nên lượt mô hình mới đưa vào sổ được xếp lên trước. Thêm từ khóa{filter.year === undefined ? ' hoặc chọn năm' : ''} để còn không
            quá {formatNumber(SEARCH_SORT_CAP)} kết quả thì sổ xếp {SORT_LABELS[sort]}.
          </Text>
        )}
      </Group>
    </Box>
  );
}

/**
 * The footer's count, true whatever the server knew: an exact number, "hơn 1.000" when only the
 * search cap is known, "ít nhất N" while other filters make the bound the rows seen so far.
 */
export function countLabel(total: number, capped: boolean, search: boolean): string {
  const noun = search ? 'kết quả' : 'lượt mô hình';
  if (!capped) return `${formatNumber(total)} ${noun}`;
  if (total === SEARCH_SORT_CAP + 1) return `hơn ${formatNumber(SEARCH_SORT_CAP)} ${noun} (đang đếm…)`;
  return `ít nhất ${formatNumber(total)} ${noun} (đang đếm…)`;
}

export const emptyRegister = (onImport: () => void, filtered: boolean) =>
  filtered ? (
    <EmptyState title="Không có mô hình nào khớp bộ lọc" description="Hãy bỏ bớt điều kiện lọc hoặc đổi từ khóa tìm kiếm." />
  ) : (
    <EmptyState
      title="Sổ mô hình chưa có dữ liệu"
      description="Nhập danh sách đăng ký mô hình từ tệp Excel các đơn vị gửi lên, hoặc thêm từng mô hình."
      actionLabel="Nhập từ Excel"
      onAction={onImport}
    />
  );
