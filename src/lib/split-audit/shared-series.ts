// Series ids that occur in more than one study: the only series that can sit in two subsets of a study-level split
// (a series inside one study follows its study). Small, so the site's study index can carry it for the browser.

export function sharedSeriesOf(images: Iterable<{ seriesId: string; studyId: string }>): Map<string, string[]> {
  const studiesOf = new Map<string, Set<string>>();
  for (const { seriesId, studyId } of images) {
    let set = studiesOf.get(seriesId);
    if (!set) studiesOf.set(seriesId, (set = new Set()));
    set.add(studyId);
  }
  const shared = new Map<string, string[]>();
  for (const [series, studies] of [...studiesOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (studies.size > 1) shared.set(series, [...studies].sort());
  }
  return shared;
}
