import { describe, expect, it } from "vitest";
import { formFile } from "./form-state";

const formWith = (file: File) => {
  const form = new FormData();
  form.append("logo", file);
  return form;
};

describe("formFile", () => {
  it("reads a chosen file", () => {
    const file = formFile(formWith(new File([new Uint8Array([1, 2, 3])], "logga.png", { type: "image/png" })), "logo");
    expect(file?.name).toBe("logga.png");
    expect(file?.size).toBe(3);
  });

  it("treats an empty file as none chosen, whatever name the multipart decoding gave it", () => {
    expect(formFile(formWith(new File([], "")), "logo")).toBeUndefined();
    expect(formFile(formWith(new File([], "blob", { type: "application/octet-stream" })), "logo")).toBeUndefined();
    expect(formFile(new FormData(), "logo")).toBeUndefined();
  });
});
