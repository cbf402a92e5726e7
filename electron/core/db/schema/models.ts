// Tables of the models feature (filled in by its migration's issue).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModelTables {}
