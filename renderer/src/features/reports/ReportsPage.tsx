import { UnderConstruction } from '../../components/UnderConstruction';

export default function ReportsPage() {
  return <UnderConstruction title={'Báo cáo, thống kê'} description="Báo cáo năm, 6 tháng và các biểu thống kê." />;
}
