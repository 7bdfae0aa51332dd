import { crc32, deflateSync } from 'node:zlib';

/** An RGB colour, 0–255 each. */
export type Rgb = [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A real PNG file (8-bit RGB, no interlace) of a left-to-right gradient from `from` to `to`: image bytes for the page
 * server, whose middle pixel has a known colour (the mean of the two) for pixel checks.
 */
export function gradientPng(width: number, height: number, from: Rgb, to: Rgb): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++)
    for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(from[c] + ((to[c] - from[c]) * x) / (width - 1));
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The colour of a gradient's middle column. */
export const midColour = (from: Rgb, to: Rgb): Rgb => from.map((f, i) => Math.round((f + to[i]) / 2)) as Rgb;
