// Makes a DOCX from the `docx` package byte-for-byte reproducible. The package writes
// the current time into docProps/core.xml and the ZIP entries, random (nanoid)
// relationship ids for hyperlinks, and drawing ids from a process-wide counter. Here
// the dates become the document's own date and the ids are renumbered in reading order,
// so equal content gives an equal file. It also adds dc:language to the core properties,
// which the package cannot write.
import { writeZip, type ZipEntry } from "../zip";

const w3cdtf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const normaliseDocx = (entries: ZipEntry[], options: { createdAt: Date; language: string }): Buffer => {
  const isXml = (entry: ZipEntry): boolean => entry.name.endsWith(".xml") || entry.name.endsWith(".rels");
  const texts = new Map(entries.filter(isXml).map((entry) => [entry.name, entry.data.toString("utf8")]));

  // Relationship ids that are not docx's sequential "rIdN": rename in order of appearance.
  const renames = new Map<string, string>();
  for (const [name, xml] of texts) {
    if (!name.endsWith(".rels")) continue;
    for (const match of xml.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdX${renames.size + 1}`);
    }
  }
  const renamePattern = renames.size > 0 ? new RegExp(`"(${[...renames.keys()].map(escapeRegExp).join("|")})"`, "g") : null;

  let drawingId = 0;
  let watermarkId = 0;
  for (const [name, original] of texts) {
    let xml = original;
    if (renamePattern) xml = xml.replace(renamePattern, (_, id: string) => `"${renames.get(id)}"`);
    // Word recognises its watermark by this id prefix; the suffix is random in the package.
    xml = xml.replace(/id="PowerPlusWaterMarkObject[^"]*"/g, () => `id="PowerPlusWaterMarkObject${(watermarkId += 1)}"`);
    // Drawing object ids must be unique in the package; the package counts them per process.
    xml = xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${(drawingId += 1)}"`);
    if (name === "docProps/core.xml") {
      const stamp = w3cdtf(options.createdAt);
      xml = xml
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      if (!xml.includes("<dc:language>")) xml = xml.replace("</cp:coreProperties>", `<dc:language>${options.language}</dc:language></cp:coreProperties>`);
    }
    texts.set(name, xml);
  }

  const normalised = entries.map((entry) => (texts.has(entry.name) ? { name: entry.name, data: Buffer.from(texts.get(entry.name)!, "utf8") } : entry));
  // [Content_Types].xml first, as Word itself writes packages.
  normalised.sort((a, b) => (a.name === "[Content_Types].xml" ? -1 : b.name === "[Content_Types].xml" ? 1 : 0));
  return writeZip(normalised, options.createdAt);
};
