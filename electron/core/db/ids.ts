import { randomFillSync } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: an import creates two ids per row, and one crypto call
// (and one Buffer) per id cost more than the rest of the id.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUID version 7: time-ordered, so rows from several PCs can be merged later and primary-key
 * B-trees stay append-mostly.
 */
export function newId(now: number = Date.now()): string {
  if (poolOffset + 10 > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const r = poolOffset;
  poolOffset += 10;
  // 48-bit big-endian milliseconds: two halves, since bitwise operators work on 32 bits.
  const high = Math.floor(now / 0x1000000); // upper 24 bits
  const low = now % 0x1000000; // lower 24 bits
  const b0 = (high >>> 16) & 0xff;
  const b1 = (high >>> 8) & 0xff;
  const b2 = high & 0xff;
  const b3 = (low >>> 16) & 0xff;
  const b4 = (low >>> 8) & 0xff;
  const b5 = low & 0xff;
  const b6 = (pool[r]! & 0x0f) | 0x70; // version 7
  const b8 = (pool[r + 2]! & 0x3f) | 0x80; // RFC 4122 variant
  return (
    HEX[b0]! + HEX[b1]! + HEX[b2]! + HEX[b3]! + '-' + HEX[b4]! + HEX[b5]! + '-' + HEX[b6]! + HEX[pool[r + 1]!]! + '-' +
    HEX[b8]! + HEX[pool[r + 3]!]! + '-' + HEX[pool[r + 4]!]! + HEX[pool[r + 5]!]! + HEX[pool[r + 6]!]! + HEX[pool[r + 7]!]! + HEX[pool[r + 8]!]! + HEX[pool[r + 9]!]!
  );
}
