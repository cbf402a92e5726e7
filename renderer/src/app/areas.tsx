import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconClipboardCheck,
  IconDatabase,
  IconFileAnalytics,
  IconHome,
  IconListCheck,
  IconScale,
  IconSettings,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface Area {
  path: string;
  label: string;
  icon: Icon;
  page: LazyExoticComponent<ComponentType>;
}

/**
 * The navigation of the app, one entry per area. Each area's page lives in
 * renderer/src/features/<area>/ and is loaded on first visit.
 */
export const AREAS: Area[] = [
  { path: '/tong-quan', label: 'Tổng quan', icon: IconHome, page: lazy(() => import('../features/overview/OverviewPage')) },
  { path: '/hoi-nghi', label: 'Hội nghị, cuộc họp', icon: IconUsersGroup, page: lazy(() => import('../features/meetings/MeetingsPage')) },
  { path: '/quy-che-dan-chu', label: 'Quy chế dân chủ', icon: IconScale, page: lazy(() => import('../features/qcdc/QcdcPage')) },
  { path: '/mo-hinh', label: 'Mô hình "Dân vận khéo"', icon: IconChartBar, page: lazy(() => import('../features/models/ModelsPage')) },
  { path: '/ke-hoach', label: 'Kế hoạch, nhiệm vụ', icon: IconListCheck, page: lazy(() => import('../features/plans/PlansPage')) },
  { path: '/kiem-tra', label: 'Kiểm tra, giám sát', icon: IconClipboardCheck, page: lazy(() => import('../features/inspections/InspectionsPage')) },
  { path: '/don-vi', label: 'Đơn vị, thành viên', icon: IconBuildingCommunity, page: lazy(() => import('../features/organisation/OrganisationPage')) },
  { path: '/bao-cao', label: 'Báo cáo, thống kê', icon: IconFileAnalytics, page: lazy(() => import('../features/reports/ReportsPage')) },
  { path: '/du-lieu', label: 'Sao lưu, dữ liệu', icon: IconDatabase, page: lazy(() => import('../features/data/DataPage')) },
  { path: '/cai-dat', label: 'Cài đặt', icon: IconSettings, page: lazy(() => import('../features/settings/SettingsPage')) },
];
