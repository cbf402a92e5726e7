import { Tabs } from '@mantine/core';
import { IconBuildingCommunity, IconFileCertificate, IconListDetails, IconUsers, IconUserShare } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useUrlTab } from '../../components/useUrlTab';
import { UnitsPanel } from '../units/UnitsPanel';
import { MembersPanel } from '../members/MembersPanel';
import { AssignmentsPanel } from '../assignments/AssignmentsPanel';
import { CatalogsPanel } from '../catalogs/CatalogsPanel';
import { DocNumbersPanel } from '../docNumbers/DocNumbersPanel';

const TABS = [
  { value: 'don-vi', label: 'Đơn vị', icon: IconBuildingCommunity },
  { value: 'thanh-vien', label: 'Thành viên Ban Chỉ đạo', icon: IconUsers },
  { value: 'phan-cong', label: 'Phân công phụ trách', icon: IconUserShare },
  { value: 'danh-muc', label: 'Danh mục', icon: IconListDetails },
  { value: 'so-van-ban', label: 'Sổ số văn bản', icon: IconFileCertificate },
] as const;
const TAB_VALUES = TABS.map((t) => t.value);

const DESCRIPTIONS: Record<string, string> = {
  'don-vi': 'Cây đơn vị: đảng bộ, chi bộ trực thuộc và cơ sở; sáp nhập, giải thể theo thời gian.',
  'thanh-vien': 'Thành viên Ban Chỉ đạo và Tổ giúp việc, xếp theo tên.',
  'phan-cong': 'Thành viên nào phụ trách, theo dõi đơn vị nào; in danh sách phân công.',
  'danh-muc': 'Lĩnh vực, cấp công nhận, hình thức khen thưởng, loại hội nghị, loại văn bản.',
  'so-van-ban': 'Số văn bản đã cấp theo từng loại, đánh số liên tục trong nhiệm kỳ.',
};

/** Đơn vị, thành viên: one page, a tab per register; the tab lives in the URL (/don-vi/thanh-vien…). */
export default function OrganisationPage() {
  const [current, setTab] = useUrlTab(TAB_VALUES, 'don-vi', { path: '/don-vi' });
  return (
    <>
      <PageHeader title="Đơn vị, thành viên" description={DESCRIPTIONS[current]} />
      <Tabs value={current} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="don-vi">
          <UnitsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="thanh-vien">
          <MembersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="phan-cong">
          <AssignmentsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="danh-muc">
          <CatalogsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="so-van-ban">
          <DocNumbersPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
