// Scores inkorg's answer for one document against its answer key. The comparison per FORMS.md
// type is trivial on purpose: text and long text compare with runs of white space made one space
// (line breaks included) and case kept; e-post ignores case; a telephone compares its digits (FORMS.md:
// "as written, digits compared"); personnummer, organisationsnummer, date, month, time and postnummer
// compare the normalised string exactly; money and integer must be that JSON number; enum the value,
// multienum the same set of values, boolean the same boolean. A field left out counts as wrong.
import { fieldsOf } from './forms.mjs';

const collapse = (s) => String(s).replace(/\s+/g, ' ').trim();
const digits = (s) => String(s).replace(/\D/g, '');

export function same(type, expected, actual) {
  if (actual === undefined || actual === null) return false;
  switch (type) {
    case 'text': case 'long': return typeof actual === 'string' && collapse(actual) === collapse(expected);
    case 'email': return typeof actual === 'string' && collapse(actual).toLowerCase() === collapse(expected).toLowerCase();
    case 'phone': return typeof actual === 'string' && digits(actual) === digits(expected);
    case 'money': case 'integer': return typeof actual === 'number' && actual === expected;
    case 'boolean': return actual === expected;
    case 'multienum': return Array.isArray(actual) && actual.length === expected.length && expected.every((v) => actual.includes(v));
    default: return typeof actual === 'string' && actual.trim() === expected;
  }
}

/** What kind of miss a wrong field is, to sort the failures. */
export function missKind(type, expected, actual) {
  if (actual === undefined || actual === null) return type === 'long' ? 'long text missing' : ['enum', 'multienum', 'boolean'].includes(type) ? 'checkbox missing' : 'value missing';
  if (['enum', 'multienum', 'boolean'].includes(type)) return 'checkbox wrong';
  const want = collapse(typeof expected === 'number' ? String(expected) : expected), got = collapse(String(actual));
  if (type === 'long') return got.length < want.length * 0.9 ? 'long text cut short' : 'long text differs';
  if (typeof actual === 'string' && ['money', 'integer', 'date', 'month', 'time', 'personnummer', 'orgnr', 'postnummer'].includes(type))
    return `not normalised (${type})`;
  if (got.includes(want) || (typeof expected === 'string' && digits(got).includes(digits(want)) && digits(want).length > 3)) return 'extra text in value (label/leader remnant)';
  if (want.includes(got)) return 'value cut short';
  return 'misread';
}

/**
 * One document's score: { formRight, fields: [{key, type, expected, actual, exact, issues, kind}],
 * spurious: [key], errors, issues, valid, plantedFlagged: [key] }.
 */
/**
 * The identity numbers in the answer that are invalid: the planted ones, and any organisationsnummer
 * whose third digit is below 2 (runs made before the generator kept that digit ≥ 2 have some).
 */
export function invalidIds(key) {
  const types = fieldsOf(key.form);
  const badGroup = Object.entries(key.answer).filter(([k, v]) => types[k].type === 'orgnr' && Number(v[2]) < 2).map(([k]) => k);
  return [...new Set([...key.planted, ...badGroup])];
}

export function scoreDocument(key, result) {
  const types = fieldsOf(key.form);
  const fields = result?.fields ?? {};
  const issues = result?.issues ?? [];
  const onField = (k) => issues.filter((i) => i.field === k);
  const scored = Object.entries(key.answer).map(([k, expected]) => {
    const type = types[k].type, actual = fields[k];
    const exact = result?.form === key.form && same(type, expected, actual);
    return { key: k, type, label: key.labels?.[k], expected, actual, exact, issues: onField(k).map((i) => `${i.severity}:${i.code}`),
      kind: exact ? null : result?.form !== key.form ? 'wrong form' : missKind(type, expected, actual) };
  });
  const errors = issues.filter((i) => i.severity === 'error');
  return {
    failed: !result || !result.status,
    status: result?.status,
    formRight: result?.form === key.form,
    predicted: result?.form ?? null,
    fields: scored,
    spurious: result?.form === key.form ? Object.keys(fields).filter((k) => !(k in key.answer)).map((k) => ({ key: k, actual: fields[k], label: key.labels?.[k] })) : [],
    invalid: invalidIds(key),
    valid: invalidIds(key).length === 0,
    errors: errors.map((i) => `${i.code}@${i.field}`),
    issueCount: issues.length,
    plantedFlagged: invalidIds(key).filter((k) => errors.some((i) => i.field === k)),
  };
}

/** Adds one scored document into a tally. */
export function tally(into, s) {
  into.documents = (into.documents ?? 0) + 1;
  into.failed = (into.failed ?? 0) + (s.failed ? 1 : 0);
  into.formRight = (into.formRight ?? 0) + (s.formRight ? 1 : 0);
  into.wrongForm = (into.wrongForm ?? 0) + (!s.formRight && s.predicted ? 1 : 0);
  into.fields = (into.fields ?? 0) + s.fields.length;
  into.exact = (into.exact ?? 0) + s.fields.filter((f) => f.exact).length;
  const wrong = s.fields.filter((f) => !f.exact);
  into.wrong = (into.wrong ?? 0) + wrong.length;
  // A document left oklassificerad is flagged as a whole (form.unclassified): its fields are not silent.
  into.silent = (into.silent ?? 0) + (s.predicted === null && !s.failed ? 0 : wrong.filter((f) => f.issues.length === 0).length);
  into.spurious = (into.spurious ?? 0) + s.spurious.length;
  into.valid = (into.valid ?? 0) + (s.valid ? 1 : 0);
  into.falseError = (into.falseError ?? 0) + (s.valid && s.errors.length ? 1 : 0);
  into.noIssue = (into.noIssue ?? 0) + (s.valid && s.issueCount === 0 ? 1 : 0);
  into.planted = (into.planted ?? 0) + (s.valid ? 0 : 1);
  into.plantedFlagged = (into.plantedFlagged ?? 0) + (s.valid ? 0 : s.plantedFlagged.length ? 1 : 0);
  return into;
}
