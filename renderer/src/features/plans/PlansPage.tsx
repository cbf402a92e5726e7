import { UnderConstruction } from '../../components/UnderConstruction';

export default function PlansPage() {
  return <UnderConstruction title={'Kế hoạch, nhiệm vụ'} description="Kế hoạch năm, nhiệm vụ, tiến độ, danh sách chậm tiến độ và đôn đốc." />;
}
