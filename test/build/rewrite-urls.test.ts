import { DEV_URL, normaliseBaseUrl, originOf, rewriteUrls } from "../../scripts/rewrite-urls";

describe("rewriteUrls", () => {
  const to = "https://example.test/sakip/";

  it("replaces every occurrence, not only the first", () => {
    const text = `${DEV_URL}a.html ${DEV_URL}b.js "${DEV_URL}assets/c.png"`;
    expect(rewriteUrls(text, DEV_URL, to)).toBe(`${to}a.html ${to}b.js "${to}assets/c.png"`);
  });

  it("rewrites a bare origin (AppDomain) to the target origin", () => {
    const text = "<AppDomain>https://localhost:3000</AppDomain>";
    expect(rewriteUrls(text, DEV_URL, to)).toBe("<AppDomain>https://example.test</AppDomain>");
  });

  it("leaves other origins and longer ports alone", () => {
    const text = "https://localhost:30001/x https://localhost:3000.evil.test https://other.test/";
    expect(rewriteUrls(text, DEV_URL, to)).toBe(text);
  });

  it("handles special characters in the URLs literally", () => {
    const from = "https://a.test/x+y/";
    expect(rewriteUrls(`${from}f.js ${from}g.js`, from, "https://b.test/$&/")).toBe(
      "https://b.test/$&/f.js https://b.test/$&/g.js",
    );
  });

  it("is the identity when from equals to, or when nothing matches", () => {
    expect(rewriteUrls(`${DEV_URL}a`, DEV_URL, DEV_URL)).toBe(`${DEV_URL}a`);
    expect(rewriteUrls("no urls here", DEV_URL, to)).toBe("no urls here");
  });

  it("rejects a missing text or base", () => {
    expect(() => rewriteUrls(undefined as unknown as string, DEV_URL, to)).toThrow(TypeError);
    expect(() => rewriteUrls("x", "", to)).toThrow(TypeError);
  });
});

describe("normaliseBaseUrl", () => {
  it("adds the trailing slash", () => {
    expect(normaliseBaseUrl("https://example.test/sakip")).toBe("https://example.test/sakip/");
    expect(normaliseBaseUrl(" https://example.test/ ")).toBe("https://example.test/");
  });

  it("accepts only absolute https URLs without query or fragment", () => {
    expect(() => normaliseBaseUrl("http://example.test/")).toThrow(/https/);
    expect(() => normaliseBaseUrl("example.test/sakip/")).toThrow(/absolute/);
    expect(() => normaliseBaseUrl("")).toThrow();
    expect(() => normaliseBaseUrl(undefined)).toThrow();
    expect(() => normaliseBaseUrl("https://example.test/?a=1")).toThrow(/query/);
  });
});

describe("originOf", () => {
  it("returns the origin of an absolute URL, else null", () => {
    expect(originOf("https://localhost:3000/taskpane.html")).toBe("https://localhost:3000");
    expect(originOf("not a url")).toBeNull();
  });
});
