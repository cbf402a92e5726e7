import { UnderConstruction } from '../../components/UnderConstruction';

export default function OrganisationPage() {
  return <UnderConstruction title={'Đơn vị, thành viên'} description="Cây đơn vị, thành viên Ban Chỉ đạo, phân công phụ trách, danh mục." />;
}
