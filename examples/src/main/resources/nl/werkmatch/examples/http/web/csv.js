// CSV for spreadsheets: RFC 4180 quoting, a byte order mark so that Excel reads UTF-8, the separator and
// decimal mark of the page's language (Dutch Excel expects ';' and a decimal comma).

/** The CSV text of rows (arrays of strings and numbers), the first row being the header. */
export function toCsv(rows, lang) {
  const sep = lang === 'nl' ? ';' : ',';
  return rows.map((row) => row.map((cell) => field(cell, sep, lang)).join(sep)).join('\r\n') + '\r\n';
}

function field(cell, sep, lang) {
  if (cell === null || cell === undefined) return '';
  let text;
  if (typeof cell === 'number') {
    text = lang === 'nl' ? String(cell).replace('.', ',') : String(cell);
  } else {
    text = String(cell);
    // A cell that starts like a formula would run as one in a spreadsheet; make it plain text.
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  return /["\r\n]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Offers text as a file download (CSV by default, with the byte order mark Excel needs). */
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const blob = new Blob(type.startsWith('text/csv') ? ['\ufeff', text] : [text], { type });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
