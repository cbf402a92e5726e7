/**
 * Quy chế dân chủ ở cơ sở: each unit's periodic figures by loại hình (grid and Excel roll-up import),
 * the indicator catalogue, and the registers behind some figures (dialogue conferences, members'
 * supervision visits, trainings). The tab, year, period and loại hình live in the address.
 */
import { useState } from 'react';
import { Stack, Tabs } from '@mantine/core';
import { IconEye, IconList, IconMessages, IconSchool, IconTable } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useUrlParams } from '../../lib/useUrlParams';
import { DialoguesView } from '../dialogues/DialoguesView';
import { SupervisionsView } from '../supervisions/SupervisionsView';
import { TrainingsView } from '../trainings/TrainingsView';
import { IndicatorsView } from './IndicatorsView';
import { ImportDialog } from './ImportDialog';
import { PeriodControls } from './PeriodControls';
import { ReportsView } from './ReportsView';
import { usePeriod } from './usePeriod';

const TABS = ['so-lieu', 'chi-tieu', 'doi-thoai', 'giam-sat', 'tap-huan'] as const;
type Tab = (typeof TABS)[number];

export default function QcdcPage() {
  const [params, go] = useUrlParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'so-lieu';
  const [importing, setImporting] = useState(false);
  const { year } = usePeriod();
  const yearOnly = <PeriodControls withType={false} withPeriod={false} />;
  return (
    <>
      <PageHeader
        title="Quy chế dân chủ ở cơ sở"
        description="Kết quả thực hiện dân chủ ở cơ sở theo từng loại hình: số liệu báo cáo của đơn vị, danh mục chỉ tiêu, hội nghị đối thoại, giám sát của thành viên Ban Chỉ đạo, tập huấn."
      />
      <Tabs value={tab} onChange={(v) => go({ tab: v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="so-lieu" leftSection={<IconTable size={16} />}>
            Số liệu của đơn vị
          </Tabs.Tab>
          <Tabs.Tab value="chi-tieu" leftSection={<IconList size={16} />}>
            Danh mục chỉ tiêu
          </Tabs.Tab>
          <Tabs.Tab value="doi-thoai" leftSection={<IconMessages size={16} />}>
            Hội nghị đối thoại
          </Tabs.Tab>
          <Tabs.Tab value="giam-sat" leftSection={<IconEye size={16} />}>
            Giám sát của thành viên
          </Tabs.Tab>
          <Tabs.Tab value="tap-huan" leftSection={<IconSchool size={16} />}>
            Tập huấn, hướng dẫn
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="so-lieu">
          <ReportsView onImport={() => setImporting(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="chi-tieu">
          <IndicatorsView />
        </Tabs.Panel>
        <Tabs.Panel value="doi-thoai">
          <Stack gap="sm">
            {yearOnly}
            <DialoguesView year={year} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="giam-sat">
          <Stack gap="sm">
            {yearOnly}
            <SupervisionsView year={year} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tap-huan">
          <Stack gap="sm">
            {yearOnly}
            <TrainingsView year={year} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <ImportDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
