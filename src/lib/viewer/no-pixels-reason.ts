// Why the viewer shows a study without pixels, in plain words, and how to get them: the release has no images/
// at all, the release lacks this study's DICOMs, or the release has them but this build did not copy them (only
// sample studies' DICOMs are copied) and the site is not served with the release's images in place. Decided from the flags the build writes into each study's viewer record.

type NoPixelsCause = 'release-has-no-images' | 'study-not-in-release-images' | 'not-copied-into-build';

interface NoPixelsReason {
  cause: NoPixelsCause;
  /** One or two sentences for the page. */
  text: string;
  /** The command that adds this study's DICOMs to a build (when the release can provide them). */
  command: string | null;
}

export function noPixelsReason(record: { id: string; releaseHasImages: boolean; images: readonly { inRelease: boolean }[] }): NoPixelsReason {
  const command = `npm run build -- --data DIR --studies ${record.id}`;
  if (!record.releaseHasImages) {
    return {
      cause: 'release-has-no-images',
      text: 'No pixels: the release this site was built from has no images/ folder (only the CSVs), so this view shows what the CSVs say — the outlines at the CSV’s height × width and the boxes in place. To see the images, put the DICOMs under DIR/images/<study_id>/<image_id>.dicom and build with:',
      command,
    };
  }
  if (!record.images.some((i) => i.inRelease)) {
    return {
      cause: 'study-not-in-release-images',
      text: `No pixels: the release’s images/ folder has no DICOM of this study (images/${record.id}/ is missing), so this view shows what the CSVs say. Once its files are there, build with:`,
      command,
    };
  }
  // The release has them: serving it in place shows them without a rebuild (src/node/site-server/).
  const inRelease = record.images.filter((i) => i.inRelease).length;
  const which = inRelease === record.images.length ? 'this study’s DICOMs are' : `${inRelease} of this study’s ${record.images.length} DICOMs ${inRelease === 1 ? 'is' : 'are'}`;
  return {
    cause: 'not-copied-into-build',
    text: `No pixels: ${which} in the release but not in this build (a build copies only its sample studies’ DICOMs), and the site is served without the release’s images, so this view shows what the CSVs say. To see them, serve the site with the release’s images read in place:`,
    command: 'npm start -- --data DIR',
  };
}
