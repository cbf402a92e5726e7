import { UnderConstruction } from '../../components/UnderConstruction';

export default function MeetingsPage() {
  return <UnderConstruction title={'Hội nghị, cuộc họp'} description="Ghi biên bản hội nghị, điểm danh, ý kiến, kết luận và thông báo kết luận." />;
}
