/**
 * Realistic Vietnamese data for the benchmark: people, places, model names in the style of
 * provincial "Dân vận khéo" registers. Deterministic (seeded) so two runs measure the same data.
 */
export class Rng {
  private state: number;
  constructor(seed = 20221216) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Hà', 'Nông', 'Triệu', 'Ma', 'Lường', 'Đinh', 'Lục', 'Hoàng'];
const MIDDLE_M = ['Văn', 'Đức', 'Quang', 'Minh', 'Hữu', 'Công', 'Xuân', 'Thành'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thanh', 'Thị Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Thu', 'Trang', 'Tuấn', 'Vân', 'Yến', 'Ánh', 'Ước', 'Ơn'];

export function personName(rng: Rng): string {
  const female = rng.next() < 0.5;
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(GIVEN)}`;
}

export const PROVINCES = ['Bắc Kạn', 'Cao Bằng', 'Lạng Sơn', 'Thái Nguyên', 'Tuyên Quang', 'Hà Giang', 'Lào Cai', 'Yên Bái', 'Điện Biên', 'Sơn La', 'Hòa Bình', 'Phú Thọ', 'Đắk Lắk', 'Đắk Nông', 'Gia Lai', 'Kon Tum', 'Lâm Đồng', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Cà Mau', 'Bạc Liêu', 'Sóc Trăng', 'Trà Vinh', 'Vĩnh Long', 'Bến Tre', 'Tiền Giang', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Cần Thơ', 'Long An', 'Tây Ninh', 'Bình Phước', 'Bình Dương', 'Đồng Nai', 'Bà Rịa - Vũng Tàu', 'Quảng Nam', 'Đà Nẵng', 'Thừa Thiên Huế', 'Quảng Trị', 'Quảng Bình', 'Hà Tĩnh', 'Nghệ An', 'Thanh Hóa', 'Ninh Bình', 'Nam Định', 'Thái Bình', 'Hà Nam', 'Hưng Yên', 'Hải Dương', 'Hải Phòng', 'Quảng Ninh', 'Bắc Giang', 'Bắc Ninh', 'Vĩnh Phúc', 'Hà Nội', 'Hồ Chí Minh', 'Điện Biên Phủ'];

export const DISTRICTS = ['Chợ Mới', 'Chợ Đồn', 'Bạch Thông', 'Na Rì', 'Ngân Sơn', 'Ba Bể', 'Pác Nặm', 'Thành phố', 'Đồng Hỷ', 'Phú Lương', 'Định Hóa'];
const COMMUNES = ['Yên Đĩnh', 'Thanh Mai', 'Nông Hạ', 'Quảng Chu', 'Như Cố', 'Bình Văn', 'Cao Kỳ', 'Hòa Mục', 'Thanh Vận', 'Mai Lạp', 'Tân Sơn', 'Đồng Lạc', 'Nà Phặc', 'Hà Hiệu', 'Khang Ninh', 'Cẩm Giàng', 'Đôn Phong', 'Quang Thuận', 'Vũ Muộn', 'Sỹ Bình'];
const HAMLETS = ['Nà Pài', 'Bản Cậu', 'Khuổi Đắng', 'Pò Đon', 'Nà Làng', 'Bản Chang', 'Tổng Nẻng', 'Phiêng Liềng', 'Khâu Bang', 'Nà Cà'];
const ACTIVITIES = [
  'Dân vận khéo trong xây dựng nông thôn mới',
  'Dân vận khéo trong phát triển kinh tế hộ gia đình',
  'Hiến đất mở đường giao thông nông thôn',
  'Dòng họ tự quản về an ninh trật tự',
  'Tổ liên gia an toàn phòng cháy chữa cháy',
  'Giữ gìn bản sắc văn hóa dân tộc Tày gắn với du lịch cộng đồng',
  'Cải cách hành chính, một cửa thân thiện',
  'Công dân số, chuyển đổi số ở cơ sở',
  'Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo',
  'Thanh niên tình nguyện giúp đỡ người cao tuổi',
  'Đoàn kết các dân tộc giữ gìn đường biên',
  'Trồng rừng gỗ lớn gắn với bảo vệ môi trường',
  'Ngày thứ bảy văn minh, sạch đẹp',
  'Đối thoại với nhân dân tại cơ sở',
  'Phụ nữ không sinh con thứ ba',
  'Hòa giải cơ sở gắn với tuyên truyền pháp luật',
];

export function communeName(rng: Rng): string {
  return rng.pick(COMMUNES);
}

/** "Mô hình “Dân vận khéo” trong xây dựng nông thôn mới tại thôn Nà Pài, xã Yên Đĩnh (lần 3)" */
export function modelName(rng: Rng, serial: number): string {
  return modelNamePieces(rng, serial).join('');
}

/**
 * The name in pieces (joined, they are the name): the repeating head (16 × 10 × 20 combinations),
 * then " (mô hình số", " N", ")". No piece ends with a space (bench/modelText.ts relies on it).
 */
export function modelNamePieces(rng: Rng, serial: number): string[] {
  return [`${rng.pick(ACTIVITIES)} tại thôn ${rng.pick(HAMLETS)}, xã ${rng.pick(COMMUNES)}`, ' (mô hình số', ` ${serial}`, ')'];
}

export { ACTIVITIES, HAMLETS, COMMUNES };
