/**
 * Kế hoạch, nhiệm vụ: the daily urging view, plans with their items, every task (by list or by
 * owner) and the month calendar. The tab and the open plan live in the address (?tab=…&plan=…),
 * so the back button and a reload keep the place.
 */
import { useState } from 'react';
import { Tabs } from '@mantine/core';
import { IconAlarm, IconCalendar, IconListCheck, IconNotebook } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/query';
import { TodayView } from '../tasks/TodayView';
import { PlansView } from './PlansView';
import { TasksView } from '../tasks/TasksView';
import { CalendarView } from '../calendar/CalendarView';
import { TaskDrawer } from '../tasks/TaskDrawer';
import { useUrlTab } from '../../components/useUrlTab';
import { useUrlParams } from '../../lib/useUrlParams';

const TABS = ['hom-nay', 'ke-hoach', 'nhiem-vu', 'lich'] as const;

export default function PlansPage() {
  const [params, go] = useUrlParams();
  const [tab, setTab] = useUrlTab(TABS, 'hom-nay', { param: 'tab', clear: ['plan'] });
  const planId = params.get('plan');
  const [taskId, setTaskId] = useState<string | null>(null);
  // "Today" comes from the core's clock (the same one every due rule uses), not the browser's.
  const notice = useApiQuery('tasks.list', { overdue: true, limit: 1 });
  const today = notice.data?.today ?? '';


  return (
    <>
      <PageHeader title="Kế hoạch, nhiệm vụ" description="Kế hoạch năm, nhiệm vụ được giao, tiến độ, danh sách chậm tiến độ và đôn đốc." />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="hom-nay" leftSection={<IconAlarm size={16} />}>
            Cần đôn đốc
          </Tabs.Tab>
          <Tabs.Tab value="ke-hoach" leftSection={<IconNotebook size={16} />}>
            Kế hoạch
          </Tabs.Tab>
          <Tabs.Tab value="nhiem-vu" leftSection={<IconListCheck size={16} />}>
            Nhiệm vụ
          </Tabs.Tab>
          <Tabs.Tab value="lich" leftSection={<IconCalendar size={16} />}>
            Lịch tháng
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hom-nay">
          <TodayView onOpenTask={(id) => setTaskId(id)} />
        </Tabs.Panel>
        <Tabs.Panel value="ke-hoach">
          <PlansView planId={planId} onSelect={(id) => go({ tab: 'ke-hoach', plan: id })} onOpenTask={setTaskId} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="nhiem-vu">
          <TasksView onOpenTask={setTaskId} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="lich">
          <CalendarView today={today} onOpenTask={setTaskId} />
        </Tabs.Panel>
      </Tabs>
      <TaskDrawer taskId={taskId} today={today} onClose={() => setTaskId(null)} />
    </>
  );
}
