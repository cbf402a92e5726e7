import { z } from 'zod';
import { channel } from '../contract/define';
import { intInRange, longText, text } from './common';

/**
 * How the committee signs (Hướng dẫn 36-HD/VPTW): the Head directly; "T/M BAN CHỈ ĐẠO" on behalf
 * of the committee; a deputy signing for the Head ("K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN"); an acting
 * Head ("Q. TRƯỞNG BAN"); or by order ("TL. TRƯỞNG BAN / CHÁNH VĂN PHÒNG").
 */
export const SIGNING_MODES = ['direct', 'onBehalf', 'deputy', 'acting', 'byOrder'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];
export const SIGNING_MODE_LABELS: Record<SigningMode, string> = {
  direct: 'Trưởng ban ký trực tiếp (TRƯỞNG BAN)',
  onBehalf: 'Thay mặt Ban Chỉ đạo (T/M BAN CHỈ ĐẠO / TRƯỞNG BAN)',
  deputy: 'Phó Trưởng ban ký thay (K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN)',
  acting: 'Quyền Trưởng ban (Q. TRƯỞNG BAN)',
  byOrder: 'Thừa lệnh (TL. TRƯỞNG BAN / chức vụ người ký)',
};

/**
 * The bold title lines above the signature for a mode; `signerTitle` is the signer's own line for
 * K/T and TL. Shared by the printers and the settings preview, so both show the same block.
 */
export function signatureTitleLines(mode: SigningMode, signerTitle = '', bodyShort = 'BAN CHỈ ĐẠO'): string[] {
  const title = signerTitle.trim().toLocaleUpperCase('vi');
  switch (mode) {
    case 'direct':
      return ['TRƯỞNG BAN'];
    case 'onBehalf':
      return [`T/M ${bodyShort}`, 'TRƯỞNG BAN'];
    case 'deputy':
      return ['K/T TRƯỞNG BAN', title || 'PHÓ TRƯỞNG BAN'];
    case 'acting':
      return ['Q. TRƯỞNG BAN'];
    case 'byOrder':
      return ['TL. TRƯỞNG BAN', title || 'CHÁNH VĂN PHÒNG'];
  }
}

/** One document's signature: the mode, who signs and (K/T, TL.) the signer's own title line. */
export const signatureChoiceSchema = z.object({
  mode: z.enum(SIGNING_MODES, { error: 'Cách ký không hợp lệ.' }),
  signerName: text('Họ tên người ký', { max: 100 }).default(''),
  signerTitle: text('Chức vụ người ký', { max: 100 }).default(''),
});
export type SignatureChoice = z.output<typeof signatureChoiceSchema>;

/** "Nơi nhận" lines typed one per line (Textarea): trimmed, empty lines dropped. */
const recipientLinesSchema = (label: string) =>
  z.array(text(label, { min: 1, max: 300 })).max(30, `${label}: tối đa 30 dòng.`);

export const marginsSchema = z.object({
  top: intInRange('Lề trên (mm)', 5, 60),
  bottom: intInRange('Lề dưới (mm)', 5, 60),
  left: intInRange('Lề trái (mm)', 5, 60),
  right: intInRange('Lề phải (mm)', 5, 60),
});
export type PageMargins = z.infer<typeof marginsSchema>;

/**
 * The organisation profile that every printed document uses (Party format header, number
 * codes, date line). Names change with restructuring, so all of it is data the user edits.
 */
export const profileSchema = z
  .object({
    parentBody: text('Tên cơ quan cấp trên', { min: 1, max: 200 }),
    /** Multi-line: the user chooses where the printed name breaks (Enter = a line break). */
    committeeName: longText('Tên Ban Chỉ đạo', { min: 1, max: 300 }),
    committeeCode: text('Ký hiệu viết tắt', { min: 1, max: 20 }).pipe(
      z.string().regex(/^[\p{L}\d-]+$/u, 'Ký hiệu viết tắt chỉ gồm chữ, số và dấu gạch nối (ví dụ: BCĐ).'),
    ),
    placeName: text('Địa danh ghi ngày tháng', { min: 1, max: 100 }),
    standingAgency: text('Cơ quan thường trực', { max: 200 }),
    termLabel: text('Nhiệm kỳ', { min: 1, max: 40 }),
    termStartYear: intInRange('Năm bắt đầu nhiệm kỳ', 1990, 2100),
    termEndYear: intInRange('Năm kết thúc nhiệm kỳ', 1990, 2100),
    signingMode: z.enum(SIGNING_MODES, { error: 'Cách ký không hợp lệ.' }),
    headName: text('Họ tên Trưởng ban', { max: 100 }),
    /** Signer for K/T (the deputy's name and title line, e.g. "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"). */
    deputyName: text('Họ tên Phó Trưởng ban ký thay', { max: 100 }).default(''),
    deputyTitle: text('Chức vụ Phó Trưởng ban ký thay', { max: 100 }).default('PHÓ TRƯỞNG BAN'),
    /** Signer for TL. (e.g. the head of the standing agency's office). */
    byOrderName: text('Họ tên người ký thừa lệnh', { max: 100 }).default(''),
    byOrderTitle: text('Chức vụ người ký thừa lệnh', { max: 100 }).default('CHÁNH VĂN PHÒNG'),
    /** "Nơi nhận" lines printed first on every document, e.g. "Thường trực Tỉnh ủy (b/c)". */
    reportTo: recipientLinesSchema('Nơi nhận để báo cáo').default([]),
    /** The last "Nơi nhận" line ("Lưu Văn phòng, BDV"); empty = "Lưu" + the standing agency. */
    archiveLine: text('Dòng "Lưu"', { max: 200 }).default(''),
    margins: marginsSchema,
  })
  .refine((p) => p.termEndYear >= p.termStartYear, {
    path: ['termEndYear'],
    message: 'Năm kết thúc nhiệm kỳ phải không nhỏ hơn năm bắt đầu.',
  });
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** Margins of Hướng dẫn 36-HD/VPTW as commonly applied: 20 top, 20 bottom, 30 left, 15 right. */
export const DEFAULT_MARGINS: PageMargins = { top: 20, bottom: 20, left: 30, right: 15 };

export const DEFAULT_PROFILE: Profile = {
  parentBody: '',
  committeeName: 'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO "DÂN VẬN KHÉO"',
  committeeCode: 'BCĐ',
  placeName: '',
  standingAgency: '',
  termLabel: '2025 - 2030',
  termStartYear: 2025,
  termEndYear: 2030,
  signingMode: 'onBehalf',
  headName: '',
  deputyName: '',
  deputyTitle: 'PHÓ TRƯỞNG BAN',
  byOrderName: '',
  byOrderTitle: 'CHÁNH VĂN PHÒNG',
  reportTo: [],
  archiveLine: '',
  margins: DEFAULT_MARGINS,
};

/** The profile as stored and returned: same fields, no input rules (the defaults are not yet complete). */
export const storedProfileSchema = z.object({
  parentBody: z.string(),
  committeeName: z.string(),
  committeeCode: z.string(),
  placeName: z.string(),
  standingAgency: z.string(),
  termLabel: z.string(),
  termStartYear: z.number().int(),
  termEndYear: z.number().int(),
  signingMode: z.enum(SIGNING_MODES),
  headName: z.string(),
  deputyName: z.string(),
  deputyTitle: z.string(),
  byOrderName: z.string(),
  byOrderTitle: z.string(),
  reportTo: z.array(z.string()),
  archiveLine: z.string(),
  margins: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
});

export const settingsStateSchema = z.object({
  profile: storedProfileSchema,
  /** False until the user has saved the profile once (the first-run wizard keys off this). */
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SettingsState = z.infer<typeof settingsStateSchema>;

export const settingsChannels = {
  'settings.get': channel({
    input: z.object({}).strict(),
    output: settingsStateSchema,
    summary: 'Organisation profile used by every document (defaults until configured).',
  }),
  'settings.update': channel({
    input: z.object({ profile: profileSchema }).strict(),
    output: settingsStateSchema,
    summary: 'Validate and save the organisation profile; returns the saved state.',
  }),
};
