import { UnderConstruction } from '../../components/UnderConstruction';

/** First-run setup (organisation profile, units, members); built by the organisation work. */
export default function SetupWizard() {
  return <UnderConstruction title="Thiết lập ban đầu" description="Khai báo thông tin cơ quan, đơn vị và thành viên." />;
}
