import { UnderConstruction } from '../../components/UnderConstruction';

export default function ModelsPage() {
  return <UnderConstruction title='Mô hình "Dân vận khéo"' description="Sổ theo dõi mô hình theo năm, nhập từ Excel, công nhận, thống kê." />;
}
