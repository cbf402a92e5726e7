// Tables of the meetings feature (filled in by its migration's issue).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MeetingTables {}
