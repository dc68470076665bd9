import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, ACTION_MAX_NESTING, refuseMalformedActionRequest, refuseMalformedUrl } from "./request-guard";

const actionRequest = (body: BodyInit, contentType = "text/plain;charset=UTF-8") =>
  new Request("http://localhost/sammantraden", { method: "POST", headers: { "next-action": "7f00", "content-type": contentType }, body });

const statusOf = async (request: Request) => (await refuseMalformedActionRequest(request))?.status ?? "passed";

describe("the server-action body guard", () => {
  it("lets through what React's client sends: a JSON reply or a multipart form reply", async () => {
    expect(await statusOf(actionRequest(JSON.stringify([{ ids: "ALL", text: "$$1:constructor" }])))).toBe("passed");
    const form = new FormData();
    form.set("_1_title", "{ inte JSON ]");
    form.set("0", '[null,"$K1"]');
    expect(await statusOf(new Request("http://localhost/", { method: "POST", headers: { "next-action": "7f00" }, body: form }))).toBe("passed");
  });

  it("reads a browser's form post, whose multipart boundary has capitals", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEfGh12345678";
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="0"', "", '["$K1"]', `--${boundary}`, 'Content-Disposition: form-data; name="_1_title"', "", "Provklass", `--${boundary}--`, ""].join("\r\n");
    expect(await statusOf(actionRequest(body, `multipart/form-data; boundary=${boundary}`))).toBe("passed");
  });

  it("ignores requests that are not server actions", async () => {
    expect(await statusOf(new Request("http://localhost/", { method: "POST", body: "[{" }))).toBe("passed");
  });

  it("refuses malformed JSON, deep nesting, prototype references and foreign content types with a Swedish 4xx", async () => {
    expect(await statusOf(actionRequest("[{"))).toBe(400);
    expect(await statusOf(actionRequest('"\u0000"'))).toBe(400);
    expect(await statusOf(actionRequest("[".repeat(ACTION_MAX_NESTING + 1) + "]".repeat(ACTION_MAX_NESTING + 1)))).toBe(400);
    expect(await statusOf(actionRequest('["$1:__proto__:polluted"]'))).toBe(400);
    expect(await statusOf(actionRequest('["$1:constructor:constructor"]'))).toBe(400);
    expect(await statusOf(actionRequest('[{"__proto__":{"polluted":1}}]'))).toBe(400);
    expect(await statusOf(actionRequest("x", "multipart/form-data"))).toBe(400);
    expect(await statusOf(actionRequest('{"ids":"ALL"}', "application/json"))).toBe(415);
    const refused = await refuseMalformedActionRequest(actionRequest("[{"));
    expect(await refused!.json()).toEqual({ ok: false, error: "Förfrågan kunde inte läsas. Ladda om sidan och försök igen." });
  });

  it("refuses a body over the limit with 413", async () => {
    expect(await statusOf(actionRequest(`["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`))).toBe(413);
  });
});

describe("the URL guard", () => {
  it("refuses a path whose percent-encoding is not UTF-8 with a Swedish 400", async () => {
    const refused = refuseMalformedUrl(new Request("http://localhost/api/filer/%FF"));
    expect(refused?.status).toBe(400);
    expect(await refused!.text()).toBe("Adressen kunde inte läsas. Kontrollera länken och försök igen.");
    expect(refuseMalformedUrl(new Request("http://localhost/api/export/minutes/%ED%A0%80"))?.status).toBe(400);
  });

  it("lets through encoded UTF-8, also in the query", () => {
    expect(refuseMalformedUrl(new Request("http://localhost/arenden/%C3%A5?q=%C3%A5"))).toBeNull();
  });

  it("refuses a query with a NUL or broken encoding with a Swedish 400", async () => {
    for (const query of ["q=%00", "q=%FF", "q=a%0Db"]) {
      const response = refuseMalformedUrl(new Request(`http://localhost/offentligt-diarium?${query}`));
      expect(response?.status, query).toBe(400);
      expect(await response?.text()).toMatch(/otillåtna tecken/);
    }
  });
});
