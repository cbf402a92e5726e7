import path from 'node:path';

/**
 * Which stored files the operating system may open with their program. An explicit list of
 * document and picture types: anything else — executables and scripts above all (.exe .bat .cmd
 * .com .scr .ps1 .vbs .js .jse .wsf .hta .msi .lnk .reg .jar …), which Windows *runs* when asked to
 * "open" them — is kept and can be downloaded, but is only shown in its folder, with a warning.
 * An allow-list, not a block-list: a new dangerous type is refused without anyone adding it.
 */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.txt',
  '.csv',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.bmp',
  '.webp',
  '.tif',
  '.tiff',
]);

/** True when the name (the stored one and the one shown) ends in a type the OS may open. */
export function mayOpenWithOs(...fileNames: string[]): boolean {
  return fileNames.every((name) => OPENABLE_EXTENSIONS.has(path.extname(name).toLowerCase()));
}

export const NOT_OPENED_WARNING =
  'Tệp này có thể là chương trình hoặc mã lệnh (không phải văn bản hay hình ảnh) nên phần mềm không mở nó. Thư mục chứa tệp đã được mở; chỉ chạy tệp nếu bạn biết chắc nguồn gốc của nó.';
