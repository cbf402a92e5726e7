import { Tabs } from '@mantine/core';
import { IconArchive, IconFolder, IconHistory, IconTrash, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useUrlTab } from '../../components/useUrlTab';
import { useApiQuery } from '../../lib/query';
import { BackupsPanel } from '../backup/BackupsPanel';
import { TrashPanel } from '../trash/TrashPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { DataDirPanel } from '../dataDir/DataDirPanel';
import { UsersPanel } from '../users/UsersPanel';
import { DamagedDatabase } from '../backup/DamagedDatabase';
import { LockScreen } from '../users/SafetyGate';

const TABS = [
  { value: 'sao-luu', label: 'Sao lưu và phục hồi', icon: IconArchive },
  { value: 'thung-rac', label: 'Thùng rác', icon: IconTrash },
  { value: 'nhat-ky', label: 'Nhật ký thay đổi', icon: IconHistory },
  { value: 'thu-muc', label: 'Thư mục dữ liệu', icon: IconFolder },
  { value: 'nguoi-dung', label: 'Người dùng và khóa', icon: IconUsers },
] as const;
const TAB_VALUES = TABS.map((t) => t.value);

/** "Sao lưu, dữ liệu": backups and restore, trash, audit log, data folder, users and the app lock. */
export default function DataPage() {
  const integrity = useApiQuery('integrity.status', {}, { staleTime: Infinity });
  const lock = useApiQuery('lock.status', {});
  const [tab, setTab] = useUrlTab(TAB_VALUES, 'sao-luu', { path: '/du-lieu', fallbackInPath: true });
  // The recovery screen also lives here, so it is reachable even where the app shell shows first.
  if (integrity.data && !integrity.data.ok) return <DamagedDatabase status={integrity.data} />;
  // Same for the sign-in card while the app is locked (SafetyGate shows it over every page).
  if (lock.data?.locked) return <LockScreen users={lock.data.users} />;
  return (
    <>
      <PageHeader
        title="Sao lưu, dữ liệu"
        description="Sao lưu và phục hồi, thùng rác, nhật ký thay đổi, nơi lưu dữ liệu, người dùng và khóa ứng dụng."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sao-luu">
          <BackupsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="thung-rac">
          <TrashPanel />
        </Tabs.Panel>
        <Tabs.Panel value="nhat-ky">
          <AuditPanel />
        </Tabs.Panel>
        <Tabs.Panel value="thu-muc">
          <DataDirPanel />
        </Tabs.Panel>
        <Tabs.Panel value="nguoi-dung">
          <UsersPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
