import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { DEFAULT_PROFILE, type ProfileInput } from '../../../shared/schemas/settings';

const bacKan: ProfileInput = {
  ...DEFAULT_PROFILE,
  parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN',
  committeeName: 'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO "DÂN VẬN KHÉO" TỈNH',
  placeName: 'Bắc Kạn',
  standingAgency: 'Ban Dân vận Tỉnh ủy',
  termLabel: '2020 - 2025',
  termStartYear: 2020,
  termEndYear: 2025,
  headName: 'Phương Thị Thanh',
};

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('settings', () => {
  it('starts unconfigured with the defaults', async () => {
    app = await openTestApp();
    const state = await app.call('settings.get', {});
    expect(state.configured).toBe(false);
    expect(state.profile.committeeCode).toBe('BCĐ');
    expect(state.profile.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
  });

  it('saves the profile, normalises text to NFC and audits the write', async () => {
    app = await openTestApp();
    const decomposed = 'Bắc Kạn'.normalize('NFD') + '  ';
    const saved = await app.call('settings.update', { profile: { ...bacKan, placeName: decomposed } });
    expect(saved.configured).toBe(true);
    expect(saved.profile.placeName).toBe('Bắc Kạn');
    expect(saved.profile.placeName.normalize('NFC')).toBe(saved.profile.placeName);
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'settings', action: 'create', user_name: 'kiểm thử' });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN' });
  });

  it('survives closing and reopening the database', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await app.call('settings.update', { profile: bacKan });
    await app.close();
    app = await openTestApp({ dir });
    const state = await app.call('settings.get', {});
    expect(state.configured).toBe(true);
    expect(state.profile.headName).toBe('Phương Thị Thanh');
  });

  it('rejects a malformed profile with Vietnamese field messages and writes nothing', async () => {
    app = await openTestApp();
    const result = await app.invoke('settings.update', {
      profile: { ...bacKan, parentBody: '   ', termStartYear: 2025, termEndYear: 2020, margins: { top: 500, bottom: 20, left: 30, right: 15 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.['profile.parentBody']).toBe('Tên cơ quan cấp trên không được để trống.');
    expect(result.error.fields?.['profile.margins.top']).toBe('Lề trên (mm) không được lớn hơn 60.');
    expect(result.error.message).toMatch(/^Dữ liệu chưa hợp lệ/);
    const rows = await app.ctx.db.selectFrom('settings').selectAll().execute();
    expect(rows).toHaveLength(0);
    expect(await app.ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });

  it('reports the term years refinement on the right field', async () => {
    app = await openTestApp();
    const result = await app.invoke('settings.update', { profile: { ...bacKan, termStartYear: 2025, termEndYear: 2020 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.['profile.termEndYear']).toMatch(/Năm kết thúc nhiệm kỳ/);
  });

  it('rejects unknown keys and wrong types without throwing', async () => {
    app = await openTestApp();
    for (const bad of [null, 42, 'x', { profile: 'x' }, { profile: bacKan, extra: 1 }, { profile: { ...bacKan, signingMode: 'nobody' } }]) {
      const result = await app.invoke('settings.update', bad);
      expect(result.ok).toBe(false);
    }
    expect(await app.ctx.db.selectFrom('settings').selectAll().execute()).toHaveLength(0);
  });
});
