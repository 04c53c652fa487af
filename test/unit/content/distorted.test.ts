import { describe, expect, it } from 'vitest';
import { distorted, type ShownStyle } from '../../../src/content/distorted';

const plain: ShownStyle = { opacity: '1', transform: 'none', scale: 'none', rotate: 'none', filter: 'none', clipPath: 'none' };

describe('distorted: what a page did to the panel’s host and the document above it', () => {
  it('leaves a panel shown as it is alone, a translation included', () => {
    expect(distorted([plain, plain])).toBe(false);
    expect(distorted([{ ...plain, transform: 'matrix(1, 0, 0, 1, 40, -12)' }, plain])).toBe(false);
    expect(distorted([])).toBe(false);
  });

  it('notices fading, on the host or above it', () => {
    expect(distorted([{ ...plain, opacity: '0.1' }, plain])).toBe(true);
    expect(distorted([plain, { ...plain, opacity: '0' }])).toBe(true);
    expect(distorted([plain, { ...plain, opacity: '0.9' }])).toBe(true);
  });

  it('notices scaling, rotation, 3D, filters and clipping', () => {
    for (const change of [
      { transform: 'matrix(0.5, 0, 0, 0.5, 0, 0)' },
      { transform: 'matrix(1, 0, 0, 1.5, 0, 0)' },
      { transform: 'matrix(0.999391, 0.0348995, -0.0348995, 0.999391, 0, 0)' },
      { transform: 'matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)' },
      { scale: '0.5' },
      { rotate: '180deg' },
      { filter: 'blur(4px)' },
      { clipPath: 'inset(0px 50% 0px 0px)' },
    ]) {
      expect(distorted([plain, { ...plain, ...change }]), JSON.stringify(change)).toBe(true);
    }
  });
});
