import { Box, Paper, Text } from '@mantine/core';
import '@fontsource/tinos/400.css';
import '@fontsource/tinos/400-italic.css';
import '@fontsource/tinos/700.css';
import { signatureTitleLines, type ProfileInput } from '../../../../shared/schemas/settings';
import { partyDateLine } from '../../lib/format';

const upper = (s: string) => s.toLocaleUpperCase('vi');
/** Same face as the printed documents: Times New Roman where installed, else the bundled Tinos. */
const SERIF = '"Times New Roman", Tinos, serif';

/**
 * A live sample of how every printed document will begin (Hướng dẫn 36-HD/VPTW): left, parent
 * body, the committee in bold, "*", the number line; right, the Party name bold and underlined
 * with the italic place-and-date line; at the bottom, the signature block. Mirrors
 * electron/core/export/print/party.ts (capitals are applied there too), so what the officer
 * types here is what will be printed.
 */
export function PartyHeaderPreview({ profile, todayIso }: { profile: ProfileInput; todayIso: string }) {
  const code = profile.committeeCode.trim() || '…';
  const place = profile.placeName.trim();
  const mode = profile.signingMode;
  const signatureTitle = signatureTitleLines(mode, mode === 'deputy' ? (profile.deputyTitle ?? '') : mode === 'byOrder' ? (profile.byOrderTitle ?? '') : '');
  const signer = (mode === 'deputy' ? profile.deputyName : mode === 'byOrder' ? profile.byOrderName : profile.headName)?.trim();
  return (
    <Paper
      withBorder
      shadow="xs"
      p="md"
      role="figure"
      aria-label="Mẫu đầu văn bản"
      style={{ fontFamily: SERIF, color: '#000', background: '#fff', fontSize: 13, lineHeight: 1.3 }}
    >
      <Box style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12, alignItems: 'start' }}>
        <Box ta="center">
          {profile.parentBody.trim() ? (
            <div>{upper(profile.parentBody)}</div>
          ) : (
            <Text span inherit c="red.7" fs="italic">
              (chưa nhập cơ quan cấp trên)
            </Text>
          )}
          {/* pre-line: the line breaks the officer typed are where the printed name breaks. */}
          <div style={{ fontWeight: 700, whiteSpace: 'pre-line' }}>{upper(profile.committeeName) || '(chưa nhập tên Ban Chỉ đạo)'}</div>
          <div>*</div>
          <div>Số 05-BB/{code}</div>
        </Box>
        <Box ta="center">
          <div style={{ fontWeight: 700, textDecoration: 'underline', textUnderlineOffset: 3, fontSize: 14 }}>
            ĐẢNG CỘNG SẢN VIỆT NAM
          </div>
          <div style={{ fontStyle: 'italic', marginTop: 14 }} data-testid="preview-date">
            {place ? partyDateLine(place, todayIso) : (
              <Text span inherit c="red.7">
                (chưa nhập địa danh), {partyDateLine('', todayIso).toLowerCase()}
              </Text>
            )}
          </div>
        </Box>
      </Box>
      <Text ta="center" fw={700} mt="md" inherit style={{ fontSize: 15 }}>
        BIÊN BẢN
      </Text>
      <Text ta="center" fw={700} inherit>
        Hội nghị Ban Chỉ đạo …
      </Text>
      <Box mt="md" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
        <div />
        <Box ta="center">
          {signatureTitle.map((line) => (
            <div key={line} style={{ fontWeight: 700 }}>
              {line}
            </div>
          ))}
          <div style={{ height: 28 }} />
          <div style={{ fontWeight: 700 }}>{signer || '(họ tên người ký)'}</div>
        </Box>
      </Box>
    </Paper>
  );
}
