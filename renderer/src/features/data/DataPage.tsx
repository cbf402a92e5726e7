import { UnderConstruction } from '../../components/UnderConstruction';

export default function DataPage() {
  return <UnderConstruction title={'Sao lưu, dữ liệu'} description="Sao lưu, phục hồi, thùng rác và nhật ký thay đổi." />;
}
