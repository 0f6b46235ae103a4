/** HTML written as strings (feed content, highlighted code), escaped so text is only ever text. */

/** Element content: "&", "<" and ">" escaped (">" too, so no text can close a CDATA section it is put in). */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A double-quoted attribute value. */
export const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');
