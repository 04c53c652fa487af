// lz-string's decompressFromBase64 (the format tldraw 3+ compresses its clipboard with:
// `data.otherCompressed`), written out here so the content script can read a tldraw copy without
// taking in a dependency. Read only: Vuoro never compresses. The output is bounded, since a pasted
// string is untrusted and LZ output can grow much faster than its input.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
const VALUE = new Map([...BASE64].map((ch, i) => [ch, i]));

/** The longest text decompressed (UTF-16 units): more than any clipboard of notes Vuoro would take. */
export const LZ_MAX_OUTPUT = 16 * 1024 * 1024;

/** The text lz-string's compressToBase64 made, or null when `input` is not such a string (or decompresses to more than `max`). */
export function decompressFromBase64(input: string, max = LZ_MAX_OUTPUT): string | null {
  if (!input) return null;
  const values: number[] = [];
  for (const ch of input) {
    const value = VALUE.get(ch);
    if (value === undefined) return null;
    values.push(value);
  }
  return decompress(values, 32, max);
}

function decompress(values: readonly number[], resetValue: number, max: number): string | null {
  const length = values.length;
  let val = values[0]!;
  let position = resetValue;
  let index = 1;
  /** The next `count` bits, lowest first (zeros past the end: the caller checks the length). */
  const read = (count: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < count; n++, power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = values[index++] ?? 0;
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = read(2);
  let w: string;
  if (first === 0 || first === 1) {
    w = String.fromCharCode(read(first === 0 ? 8 : 16));
  } else if (first === 2) return '';
  else return null;
  dictionary[3] = w;
  const result: string[] = [w];
  let total = w.length;
  for (;;) {
    if (index > length) return null;
    let c = read(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) return result.join('');
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[c];
    if (known !== undefined && c < dictSize) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return null;
    total += entry.length;
    if (total > max) return null;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
