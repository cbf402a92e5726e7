import { UnderConstruction } from '../../components/UnderConstruction';

export default function OverviewPage() {
  return <UnderConstruction title={'Tổng quan'} description="Số liệu và biểu đồ của năm (mô hình, hội nghị, nhiệm vụ, kiểm tra) sẽ hiển thị ở đây." />;
}
