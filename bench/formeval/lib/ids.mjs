// Swedish identity numbers for the answer keys: personnummer, samordningsnummer and
// organisationsnummer with the Luhn check digit (computed here, shared with nothing in inkorg).

const pad = (n, width) => String(n).padStart(width, '0');

/** The Luhn check digit of nine digits. */
export function luhnDigit(nine) {
  let sum = 0;
  for (let i = 0; i < 9; ++i) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The same number with its check digit turned into a wrong one. */
export function breakCheckDigit(digits, random) {
  const right = Number(digits.at(-1));
  const wrong = (right + random.int(1, 9)) % 10;
  return digits.slice(0, -1) + String(wrong);
}

/**
 * A personnummer for someone born between the two years: { digits: 12 digits, normal:
 * "YYYYMMDD-NNNN" }. samordning adds 60 to the day.
 */
export function personnummer(random, fromYear, toYear, { samordning = false } = {}) {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const serial = pad(random.int(1, 999), 3);
  const date = `${year}${pad(month, 2)}${pad(day + (samordning ? 60 : 0), 2)}`;
  const nine = date.slice(2) + serial;
  const digits = date + serial + luhnDigit(nine);
  return { digits, normal: `${digits.slice(0, 8)}-${digits.slice(8)}`, birth: `${year}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** A bolag's organisationsnummer (group digit 5 for an aktiebolag): "NNNNNN-NNNN". */
export function organisationsnummer(random, group = '5') {
  // The third digit is at least 2 (FORMS.md), which keeps a bolag's number apart from a personnummer.
  let nine = group + String(random.int(2, 9)) + String(random.int(2, 9));
  while (nine.length < 9) nine += String(random.int(0, 9));
  const digits = nine + luhnDigit(nine);
  return { digits, normal: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}
