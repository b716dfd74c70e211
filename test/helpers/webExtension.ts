import JSZip from "jszip";

/**
 * Test fixture builder: an .xlsx as Excel saves it after the add-in called
 * `Office.context.document.settings.set(...)` and `saveAsync()`: the web extension parts
 * (xl/webextensions/webextension1.xml with the property bag, taskpanes.xml, their
 * relationships and content types) added to a workbook written by ExcelJS.
 */
const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * Add the parts to an .xlsx; properties: name → the attribute text exactly as Office writes
 * it (already JSON-encoded: `JSON.stringify(JSON.stringify(config))` for an object).
 */
export async function withDocumentSettings(
  xlsx: Uint8Array,
  properties: Record<string, string>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);

  const bag = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${name}" value="${escapeAttribute(value)}"/>`)
    .join("");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<we:webextension xmlns:we="${WE_NS}" id="{7C1B1E5A-1D1E-4C55-9C1B-2C6E8F3A4B10}">` +
      `<we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/>` +
      `<we:alternateReferences/><we:properties>${bag}</we:properties><we:bindings/>` +
      `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
      `</we:webextension>`,
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
      `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
      `</wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" ` +
      `Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>` +
      `</Relationships>`,
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" ` +
        `Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>` +
        `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>` +
        `</Types>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}
