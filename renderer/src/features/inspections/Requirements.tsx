/**
 * The QCDC requirements of an inspected unit's loại hình (the yes/no indicators of the catalogue)
 * with the finding recorded for each: listed on the unit's card and assessed in the visit dialog.
 */
import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { InspectionTarget } from '../../../../shared/schemas/inspections';

type Requirement = NonNullable<InspectionTarget['requirements']>[number];
export type Findings = Record<string, boolean | null>;

const MET = { true: 'Đạt', false: 'Chưa đạt', null: 'Chưa đánh giá' } as const;

export function RequirementsList({ requirements }: { requirements: Requirement[] }) {
  const met = requirements.filter((r) => r.met === true).length;
  const assessed = requirements.filter((r) => r.met !== null).length;
  return (
    <Stack gap={2} mt="xs">
      <Text fw={500} size="sm">
        Yêu cầu thực hiện dân chủ theo loại hình ({assessed ? `đạt ${met}/${assessed} yêu cầu đã đánh giá` : `${requirements.length} yêu cầu, chưa đánh giá`})
      </Text>
      <Table verticalSpacing={2} fz="sm" aria-label="Yêu cầu theo loại hình">
        <Table.Tbody>
          {requirements.map((r, n) => (
            <Table.Tr key={r.indicatorId} data-requirement={r.name}>
              <Table.Td w={30}>{n + 1}</Table.Td>
              <Table.Td>
                {r.name}
                {r.legalBasis && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({r.legalBasis})
                  </Text>
                )}
                {r.note && (
                  <Text size="xs" c="dimmed">
                    {r.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td w={130}>
                <Badge tt="none" variant="light" color={r.met === true ? 'green' : r.met === false ? 'red' : 'gray'}>
                  {MET[String(r.met) as keyof typeof MET]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One choice per requirement in the visit dialog: Đạt / Chưa đạt / Chưa đánh giá. */
export function RequirementsInput({ requirements, value, onChange }: { requirements: Requirement[]; value: Findings; onChange: (next: Findings) => void }) {
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        Đánh giá theo yêu cầu của loại hình
      </Text>
      {requirements.map((r) => (
        <Group key={r.indicatorId} justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{r.name}</Text>
          <SegmentedControl
            size="xs"
            aria-label={`Đánh giá: ${r.name}`}
            data={[
              { value: 'true', label: 'Đạt' },
              { value: 'false', label: 'Chưa đạt' },
              { value: 'null', label: 'Chưa đánh giá' },
            ]}
            value={String(value[r.indicatorId] ?? null)}
            onChange={(v) => onChange({ ...value, [r.indicatorId]: v === 'null' ? null : v === 'true' })}
          />
        </Group>
      ))}
    </Stack>
  );
}
