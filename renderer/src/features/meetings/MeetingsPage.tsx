import { Route, Routes } from 'react-router';
import { MeetingList } from './MeetingList';
import { MeetingEditor } from './MeetingEditor';

/** Hội nghị, cuộc họp: the list (/hoi-nghi), a new meeting (/hoi-nghi/moi[?tu=id]) and one meeting (/hoi-nghi/:id). */
export default function MeetingsPage() {
  return (
    <Routes>
      <Route index element={<MeetingList />} />
      <Route path="moi" element={<MeetingEditor />} />
      <Route path=":id" element={<MeetingEditor />} />
    </Routes>
  );
}
