/**
 * A site rule: what the generic engine cannot infer about one portal's templates, as plain data (no code).
 * Every rule names the fixture(s) that prove it (a meta-test fails when a fixture is missing or the rule is unused),
 * and every selector is proven by its match counts on named fixtures (test/fixtures/sites-proof.json).
 * Selectors are CSS selector lists; the first one that matches wins. Regexes are strings (compiled by the engine).
 */
export interface SiteRule {
  /** Stable id, reported as `Article.rule`, e.g. `gscn`. */
  id: string;
  /** Host suffixes this rule serves, e.g. `["gscn.com.cn"]` matches gansu.gscn.com.cn. */
  hosts: string[];
  /** Human site name (中国甘肃网), used when the page does not state it. */
  siteName?: string;
  /** Regex source for article URLs on this site (evidence for detection, not proof). */
  articleUrl?: string;
  /** Fixture paths (relative to the repo root) that prove this rule. */
  fixtures: string[];
  selectors?: {
    /** The headline element. */
    title?: string;
    /** The info line holding time, 来源, 作者, 编辑. */
    info?: string;
    published?: string;
    source?: string;
    author?: string;
    editor?: string;
    /** The breadcrumb (您当前的位置 …). */
    breadcrumb?: string;
    /** The article body container. */
    body?: string;
    /** Next-page link of a multi-page article. */
    nextPage?: string;
    /** Clutter to hide in place and drop from the body. */
    clutter?: string[];
  };
}
