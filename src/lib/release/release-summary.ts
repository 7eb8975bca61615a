// The short account of a release that the stats command and the build print: what it holds, which optional inputs
// are missing and what that takes away from the site, and each data-quality rule that fired.

import type { Stats } from '../types.ts';
import { FILES } from '../vocabulary.ts';

export function releaseSummary(stats: Stats): string[] {
  const { studies, images, breasts, findings } = stats.counts;
  const { source } = stats;
  const lines = [
    `${studies.all} studies, ${images.all} images (${images.training} training, ${images.test} test), ` +
      `${breasts.all} breasts, ${findings.all} boxes; ages known for ${stats.age.known.all} studies (${source.ageSource})`,
  ];
  if (!(FILES.metadata in source.files)) {
    lines.push(
      source.images.withFile > 0
        ? `no ${FILES.metadata}: ages, vendors and photometric interpretations come from the DICOM headers of the ${source.images.withFile} files under ${FILES.images}/`
        : `no ${FILES.metadata}: no ages, no vendors (the age and vendor pages show what is missing)`,
    );
  }
  if (!source.images.folder) {
    lines.push(`no ${FILES.images}/ folder: the viewer shows every study as a schematic from the CSVs, without pixels`);
  } else {
    lines.push(
      `${FILES.images}/: ${source.images.withFile} of ${images.all} images have a DICOM file; ${source.images.completeStudies} of ${studies.all} studies are complete`,
    );
  }
  const issues = stats.quality.issues;
  if (issues.length === 0) lines.push('quality: no issues');
  for (const issue of issues) lines.push(`quality: ${issue.rule} (${issue.severity}) ×${issue.count}`);
  return lines;
}
