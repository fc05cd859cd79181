export const BULLETIN_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];
export const BULLETIN_MIME: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
