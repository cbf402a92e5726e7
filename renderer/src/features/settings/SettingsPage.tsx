import { UnderConstruction } from '../../components/UnderConstruction';

export default function SettingsPage() {
  return <UnderConstruction title="Cài đặt" description="Thông tin cơ quan dùng cho văn bản." />;
}
