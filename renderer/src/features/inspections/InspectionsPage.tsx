import { UnderConstruction } from '../../components/UnderConstruction';

export default function InspectionsPage() {
  return <UnderConstruction title={'Kiểm tra, giám sát'} description="Kế hoạch kiểm tra, đoàn kiểm tra, kết luận và kiến nghị." />;
}
