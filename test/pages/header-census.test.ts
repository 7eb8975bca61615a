// The header census section (src/components/HeaderCensus.astro) rendered with Astro's container API from a census
// computed by headerCensus: one table per manufacturer and model, each value with its count; nothing without a census.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import HeaderCensus from '../../src/components/HeaderCensus.astro';
import { headerCensus } from '../../src/lib/census/header-census.ts';

const header = {
  manufacturer: 'Planmed',
  model: 'Nuance',
  transferSyntax: '1.2.840.10008.1.2.1',
  photometric: 'MONOCHROME1',
  presentationLutShape: null,
  voiLutFunction: 'SIGMOID',
  windowCenters: [2037],
  windowWidths: [2310],
  windowExplanations: ['NORMAL'],
  bitsStored: 14,
  pixelSpacing: [0.085, 0.085],
  paddingValue: 0,
};

describe('HeaderCensus', () => {
  it('shows each system with its values and counts', async () => {
    const container = await AstroContainer.create();
    const census = {
      schemaVersion: 1 as const,
      files: 3,
      unreadable: 1,
      groups: headerCensus([header, { ...header, voiLutFunction: null, transferSyntax: '1.2.840.10008.1.2.4.90' }]),
    };
    const text = (await container.renderToString(HeaderCensus, { props: { census } })).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Planmed · Nuance: 2 images');
    expect(text).toContain('from the 3 DICOM files under the release’s images/ (1 could not be read): what to take');
    expect(text).toContain('VOI LUT Function (absent) (1) · SIGMOID (1)');
    expect(text).toContain('Window centre/width 2037/2310 (2)');
    expect(text).toContain('Presentation LUT Shape (absent) (2)');
    // Transfer syntaxes by name, the UID beside it.
    expect(text).toContain('Transfer syntax Explicit VR Little Endian (1.2.840.10008.1.2.1) (1) · JPEG 2000 lossless (1.2.840.10008.1.2.4.90) (1)');
  });

  it('renders nothing without a census', async () => {
    const container = await AstroContainer.create();
    expect((await container.renderToString(HeaderCensus, { props: { census: null } })).trim()).toBe('');
  });
});
