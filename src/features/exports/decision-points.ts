// Beslutspunkter as Swedish documents print them. Pure; shared by the tjänsteutlåtande,
// the föredragningslista, the protokoll and the protokollsutdrag, so a proposal looks the
// same from the statement to the extract.
import type { Block } from "./document-model";

const ATT_PREFIX = /^att\s+/i;

/** How a list of points reads: one full sentence, several full sentences, or att-satser. */
export const decisionPointStyle = (points: string[]): "sentence" | "numbered" | "att" | "none" => {
  if (points.length === 0) return "none";
  // A point that starts with a capital letter is a full sentence ("Hägersten-Älvsjö
  // stadsdelsnämnd godkänner …"); "att" in front of it would read wrongly.
  const sentences = points.every((point) => !ATT_PREFIX.test(point) && /^\p{Lu}/u.test(point));
  if (!sentences) return "att";
  return points.length === 1 ? "sentence" : "numbered";
};

/**
 * The reference prints its single full-sentence point as a paragraph; several full
 * sentences are numbered (1. 2.); points written as att-satser ("godkänna …", or with
 * "att" typed in front) are the classic "att …" list, the word printed once, by the list.
 */
export const decisionPointBlocks = (points: string[]): Block[] => {
  const paragraph = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });
  switch (decisionPointStyle(points)) {
    case "none":
      return [];
    case "sentence":
      return points.map(paragraph);
    case "numbered":
      return [{ kind: "list", marker: "number", start: 1, items: points.map((point) => [paragraph(point)]) }];
    case "att":
      return [{ kind: "list", marker: "att", items: points.map((point) => [paragraph(point.replace(ATT_PREFIX, ""))]) }];
  }
};
