import type { E2EApp } from './harness';
import { BAC_KAN_PROFILE } from '../../support/profiles';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

/** Unwraps an API answer in a test's arrange step; an error envelope fails the test with its message. */
export async function rpcOk<T>(pending: Promise<Envelope<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

/**
 * The Bắc Kạn committee most browser tests start from: the organisation profile (so the app opens on
 * its areas, not the first-run wizard), four units of different loại hình and the Head of the BCĐ,
 * plus any extra members a test needs.
 */
export async function seedBacKanCommittee(
  app: E2EApp,
  extraMembers: ReadonlyArray<{ fullName: string; role: string; position: string }> = [],
): Promise<void> {
  await rpcOk(
    app.rpc('settings.update', {
      profile: { ...BAC_KAN_PROFILE, headName: 'Phương Thị Thanh' },
    }) as Promise<Envelope<unknown>>,
  );
  for (const [name, kind, qcdcType] of [
    ['Huyện ủy Chợ Mới', 'dang_bo', 'xa_phuong'],
    ['Huyện ủy Ba Bể', 'dang_bo', 'xa_phuong'],
    ['Đảng bộ Khối Doanh nghiệp', 'dang_bo', 'doanh_nghiep'],
    ['Ủy ban MTTQ tỉnh', 'co_quan', 'co_quan_nha_nuoc'],
  ] as const) {
    await rpcOk(app.rpc('units.create', { name, kind, qcdcType }) as Promise<Envelope<unknown>>);
  }
  for (const m of [{ fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy' }, ...extraMembers]) {
    await rpcOk(app.rpc('members.create', m) as Promise<Envelope<unknown>>);
  }
}
