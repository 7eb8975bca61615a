// Patient age as the release writes it. DICOM's AS form is three digits and a unit (053Y, 006M, 012W, 030D); the
// metadata's exact form is unconfirmed, so plain numbers ("53", "53.0") are accepted too.

const DAYS_PER_YEAR = 365.25;
const AGE_FORM = /^(\d{1,3})\s*([YMWD])$/i;
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
/** Older than any human: a typo or a placeholder, not an age. */
const MAX_AGE_YEARS = 130;

/** Age in years, or null when the text is empty, unparseable or implausible. */
export function parseDicomAge(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  // The release's own form, 053Y, without a regular expression: the other forms take the general path below.
  if (text.length === 4 && text.charCodeAt(3) === 89 /* Y */ && isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 2)) {
    const years = (text.charCodeAt(0) - 48) * 100 + (text.charCodeAt(1) - 48) * 10 + (text.charCodeAt(2) - 48);
    return years <= MAX_AGE_YEARS ? years : null;
  }
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let years: number;
  const form = AGE_FORM.exec(trimmed);
  if (form) {
    const amount = Number(form[1]);
    const unit = form[2].toUpperCase();
    years =
      unit === 'Y' ? amount : unit === 'M' ? amount / 12 : unit === 'W' ? (amount * 7) / DAYS_PER_YEAR : amount / DAYS_PER_YEAR;
  } else if (PLAIN_NUMBER.test(trimmed)) {
    years = Number(trimmed);
  } else {
    return null;
  }
  return years <= MAX_AGE_YEARS ? years : null;
}

function isDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
}
