// Tables of the safety feature (filled in by its migration's issue).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SafetyTables {}
